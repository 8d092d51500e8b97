/// A selected enterprise for which no full team could be formed (L8: listed, never fixed silently).
public struct DrawRecordUnassigned: Hashable, Sendable {
    public let enterpriseID: String
    /// Why, in words a planner can act on (counts of qualified, conflicted, exhausted officers).
    public let reason: String

    public init(enterpriseID: String, reason: String) {
        self.enterpriseID = enterpriseID
        self.reason = reason
    }
}
