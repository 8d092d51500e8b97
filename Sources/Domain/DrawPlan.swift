/// What a draw is asked to do: a rate per stratum in basis points, the team size and the task.
/// Validated on construction: rates in 0…10000, team size ≥ 2 (L3: at least two officers).
public struct DrawPlan: Hashable, Sendable {
    /// Rate per stratum in basis points (1/10000).
    public let ratesBasisPoints: [DrawStratum: Int]
    /// Officers per team; experts never count (DOMAIN.md L3).
    public let teamSize: Int
    /// The task; optional so that frozen directories written by others (DESIGN.md's minimal
    /// manifest shape) can be drawn and verified.
    public let task: DrawTask?

    /// Why a plan is invalid; `description` reads "`field` must be …; got …".
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case rateOutOfRange(stratum: String, rate: Int)
        case teamSizeTooSmall(Int)
        case noStrata

        public var description: String {
            switch self {
            case let .rateOutOfRange(stratum, rate):
                return "`rates_bp.\(stratum)` must be an integer from 0 to 10000 basis points; got \(rate)"
            case let .teamSizeTooSmall(size):
                return "`team_size` must be at least 2 (two certified officers act together, Art. 42); got \(size)"
            case .noStrata:
                return "`rates_bp` must name at least one stratum; got none"
            }
        }
    }

    public init(ratesBasisPoints: [DrawStratum: Int], teamSize: Int, task: DrawTask?) throws(Problem) {
        guard !ratesBasisPoints.isEmpty else { throw .noStrata }
        for stratum in ratesBasisPoints.keys.sorted() {
            let rate = ratesBasisPoints[stratum]!
            guard (0...10_000).contains(rate) else { throw .rateOutOfRange(stratum: stratum.name, rate: rate) }
        }
        guard teamSize >= 2 else { throw .teamSizeTooSmall(teamSize) }
        self.ratesBasisPoints = ratesBasisPoints
        self.teamSize = teamSize
        self.task = task
    }

    /// The strata in record order (A, B, C, D, then other names).
    public var strata: [DrawStratum] { ratesBasisPoints.keys.sorted() }

    /// n = ⌈N·r / 10000⌉ in integers, at most N (DESIGN.md selection step 1).
    public static func sampleSize(population: Int, rateBasisPoints: Int) -> Int {
        min(population, (population * rateBasisPoints + 9_999) / 10_000)
    }
}
