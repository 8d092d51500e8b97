import Domain

/// Differentiated supervision by tier (DOMAIN.md §2.2): cut points, annual draw rates,
/// frequency caps and the stability rule. Validated on creation; loaded from a policy JSON
/// file with `TierPolicy.load(_:file:)`.
public struct TierPolicy: Hashable, Sendable {
    /// Default cut points; a fitted model stores its own copy and scoring uses the model's.
    public let cutPoints: CutPoints
    /// Annual random-draw rate per tier in basis points (1/10000).
    public let ratesBasisPoints: [Tier: Int]
    /// Random draws per enterprise per rolling 12 months.
    public let frequencyCaps: [Tier: Int]
    /// Consecutive runs a better tier must be proposed before it applies.
    public let improveAfterRuns: Int
    /// Valid but unusual settings.
    public let warnings: [PolicyWarning]

    /// Our default [OURS]: A 3 %, B 5 %, C 10 %, D 30 %; caps 1/1/2/4; improve after 2 runs.
    public static let standard = try! TierPolicy(ratesBasisPoints: [.a: 300, .b: 500, .c: 1000, .d: 3000])
    /// Henan province 2021: 1 % / 2 % / 10 % / 30 %.
    public static let henan2021 = try! TierPolicy(ratesBasisPoints: [.a: 100, .b: 200, .c: 1000, .d: 3000])

    /// Named presets a policy file may start from (`"preset": "henan2021"`).
    public static let presets: [String: TierPolicy] = ["standard": standard, "henan2021": henan2021]

    public static let standardFrequencyCaps: [Tier: Int] = [.a: 1, .b: 1, .c: 2, .d: 4]

    public init(cutPoints: CutPoints = .standard, ratesBasisPoints: [Tier: Int], frequencyCaps: [Tier: Int] = TierPolicy.standardFrequencyCaps,
                improveAfterRuns: Int = 2, file: String = "policy") throws(ScoringError) {
        func complete(_ values: [Tier: Int], field: String) throws(ScoringError) {
            guard Set(values.keys) == Set(Tier.allCases) else {
                throw .invalidField(file: file, field: field, requirement: "an object with the keys A, B, C, D",
                                    got: values.keys.sorted().map(\.rawValue).joined(separator: ", "))
            }
        }
        try complete(ratesBasisPoints, field: "rates_bp")
        try complete(frequencyCaps, field: "frequency_caps")
        for tier in Tier.allCases {
            let rate = ratesBasisPoints[tier]!
            guard (0...10_000).contains(rate) else {
                throw .invalidField(file: file, field: "rates_bp.\(tier.rawValue)", requirement: "between 0 and 10000 basis points", got: String(rate))
            }
            if rate == 0, tier != .a {
                throw .invalidField(file: file, field: "rates_bp.\(tier.rawValue)", requirement: "greater than 0 (only A may be 0)", got: "0")
            }
            guard frequencyCaps[tier]! >= 0 else {
                throw .invalidField(file: file, field: "frequency_caps.\(tier.rawValue)", requirement: "an integer ≥ 0", got: String(frequencyCaps[tier]!))
            }
        }
        let ordered = Tier.allCases.map { ratesBasisPoints[$0]! }
        guard zip(ordered, ordered.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw .invalidField(file: file, field: "rates_bp", requirement: "non-decreasing from A to D",
                                got: Tier.allCases.map { "\($0.rawValue) \(ratesBasisPoints[$0]!)" }.joined(separator: ", "))
        }
        guard improveAfterRuns >= 1 else {
            throw .invalidField(file: file, field: "improve_after_runs", requirement: "an integer ≥ 1", got: String(improveAfterRuns))
        }
        self.cutPoints = cutPoints
        self.ratesBasisPoints = ratesBasisPoints
        self.frequencyCaps = frequencyCaps
        self.improveAfterRuns = improveAfterRuns
        self.warnings = ratesBasisPoints[.a] == 0 ? [.zeroRateForA] : []
    }

    /// The tier of probability `p` under this policy's cut points.
    public func tier(for p: Double) -> Tier { cutPoints.tier(for: p) }
}
