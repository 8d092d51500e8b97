/// One group's line of a lift table.
public struct LiftRow: Sendable, Equatable {
    public let group: Int
    public let count: Int
    public let events: Double
    /// events / count.
    public var eventRate: Double { count == 0 ? .nan : events / Double(count) }
    /// This group's event rate over the overall event rate.
    public let lift: Double
    /// Share of all events that fall in this group.
    public let capture: Double
    /// Wilson 95% interval of the event rate.
    public let eventRateInterval: ClosedRange<Double>
}
