import Domain

/// What the overrides of DOMAIN.md §2.3 need to know about an active enterprise at the as-of
/// date, gathered in the same pass as its features.
public struct OverrideFacts: Sendable, Equatable {
    /// On the serious-dishonesty list on the as-of date (`O_SERIOUS_LIST_D`).
    public let onSeriousList: Bool
    /// On the abnormal-operation list on the as-of date (`O_ABNORMAL_MIN_C`).
    public let onAbnormalList: Bool
    /// A heavier penalty decided in the last 12 months (`O_HEAVY_PENALTY_MIN_C`). Counted even
    /// when `repair_clears_features` is on: repair ends publicity, the override is supervision.
    public let heavyPenaltyLast12Months: Bool
    /// Days from registration to the as-of date.
    public let ageDays: Int
    /// Penalties, sampling tests, inspections, complaints and list entries known at the as-of
    /// date. Licences are not history: a new food firm always holds one
    /// (`O_NEW_NO_HISTORY_B` looks at this).
    public let historyEventCount: Int

    public init(onSeriousList: Bool, onAbnormalList: Bool, heavyPenaltyLast12Months: Bool, ageDays: Int, historyEventCount: Int) {
        self.onSeriousList = onSeriousList
        self.onAbnormalList = onAbnormalList
        self.heavyPenaltyLast12Months = heavyPenaltyLast12Months
        self.ageDays = ageDays
        self.historyEventCount = historyEventCount
    }
}
