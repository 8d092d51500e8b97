import Domain

/// How the outcome label of DOMAIN.md §5.2 is built.
public struct LabelOptions: Sendable, Equatable {
    /// Last date covered by the data; the as-of date must be ≤ `dataEnd − horizonMonths`.
    public let dataEnd: CivilDate
    /// Label window (t, t + horizon months]; 12 in §5.2.
    public let horizonMonths: Int
    /// π of a firm in a recorded draw: its stratum's rate at draw time (from the stored draw
    /// record: `rate_bp / 10000` of the stratum the firm was drawn from).
    public let inclusionProbabilities: [DrawMembership: Double]
    /// π used when a random-draw inspection's draw is not recorded (e.g. imported history
    /// with only a `draw_id`): the tier at draw time is unknown, so the caller passes the rate
    /// of a default policy, normally tier B's 5 % (the "normal" proportion of §2.1).
    public let fallbackInclusionProbability: Double

    public init(dataEnd: CivilDate, horizonMonths: Int = 12, inclusionProbabilities: [DrawMembership: Double] = [:],
                fallbackInclusionProbability: Double = 0.05) {
        self.dataEnd = dataEnd
        self.horizonMonths = horizonMonths
        self.inclusionProbabilities = inclusionProbabilities
        self.fallbackInclusionProbability = fallbackInclusionProbability
    }
}
