/// One bin of a calibration table: the rows whose predicted probability falls in `lower...upper`
/// (right-closed; the first bin also closed on the left), observed vs expected events.
public struct CalibrationBin: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let count: Int
    public let observedEvents: Double
    /// Σ p over the bin.
    public let expectedEvents: Double
    public var meanProbability: Double { expectedEvents / Double(count) }
    public var observedRate: Double { observedEvents / Double(count) }
    /// Wilson 95% interval of the observed rate.
    public let observedRateInterval: ClosedRange<Double>
}
