/// Lift and capture by group (tier, decile): for each group its count, events, event rate with
/// a Wilson interval, lift = rate / overall rate and capture = its share of all events.
public struct LiftTable: Sendable {
    public let rows: [LiftRow]

    /// `groups[i]` in 0..<groupCount is row i's group; every group gets a row (empty ones too).
    public init(groups: [Int], outcomes: [Double], groupCount: Int) throws(StatisticsError) {
        guard groups.count == outcomes.count else {
            throw .dimensionMismatch(field: "outcomes", expected: groups.count, got: outcomes.count)
        }
        guard !groups.isEmpty else { throw .noObservations }
        for (i, g) in groups.enumerated() where !(0..<groupCount).contains(g) {
            throw .invalidValue(field: "groups", index: i, requirement: "in 0..<\(groupCount)", value: Double(g))
        }
        var count = [Int](repeating: 0, count: groupCount), events = [Double](repeating: 0, count: groupCount)
        for (g, y) in zip(groups, outcomes) { count[g] += 1; events[g] += y }
        let totalEvents = events.reduce(0, +)
        let overallRate = totalEvents / Double(groups.count)
        rows = (0..<groupCount).map { g in
            let rate = count[g] == 0 ? Double.nan : events[g] / Double(count[g])
            return LiftRow(group: g, count: count[g], events: events[g], lift: rate / overallRate,
                           capture: totalEvents == 0 ? .nan : events[g] / totalEvents,
                           eventRateInterval: BinomialInterval.wilson(successes: events[g], trials: Double(count[g])))
        }
    }
}
