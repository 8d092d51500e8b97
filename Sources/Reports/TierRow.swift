import Domain

/// One tier's line of the tier table.
public struct TierRow: Sendable, Equatable {
    public let tier: Tier
    public let count: Int
    public let events: Double
    /// Observed event rate (NaN for an empty tier).
    public let eventRate: Double
    /// Wilson 95% interval of the event rate.
    public let eventRateInterval: ClosedRange<Double>
    /// Mean predicted probability in the tier.
    public let meanProbability: Double
    /// Share of all events captured by this tier.
    public let capture: Double
    public let lift: Double
}
