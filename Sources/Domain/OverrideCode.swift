/// The overrides of DOMAIN.md §2.3, applied after the model in declaration order.
public enum OverrideCode: String, CaseIterable, Codable, Sendable {
    /// Revoked, cancelled, annulled or moved out on the as-of date: not tiered, never drawable.
    case inactive = "O_INACTIVE"
    /// On the serious-violation-and-dishonesty list: D, fixed.
    case seriousListD = "O_SERIOUS_LIST_D"
    /// On the abnormal-operation list: at least C.
    case abnormalMinC = "O_ABNORMAL_MIN_C"
    /// A heavier penalty decided in the last 12 months: at least C.
    case heavyPenaltyMinC = "O_HEAVY_PENALTY_MIN_C"
    /// Registered less than 365 days before the as-of date and no history: B.
    case newNoHistoryB = "O_NEW_NO_HISTORY_B"
    /// Analyst override with reason, approver, start and expiry; the only one that may lower a tier.
    case manual = "O_MANUAL"

    public var chineseText: String {
        switch self {
        case .inactive: return "经营主体已吊销、注销、撤销登记或迁出，不参与分类"
        case .seriousListD: return "列入严重违法失信名单，直接认定为D类"
        case .abnormalMinC: return "列入经营异常名录，至少为C类"
        case .heavyPenaltyMinC: return "近12个月受到较重行政处罚，至少为C类"
        case .newNoHistoryB: return "新设立且无监管记录，认定为B类"
        case .manual: return "人工调整（经审批）"
        }
    }

    public var englishText: String {
        switch self {
        case .inactive: return "revoked, cancelled, annulled or moved out: not tiered"
        case .seriousListD: return "on the serious-violation-and-dishonesty list: tier D"
        case .abnormalMinC: return "on the abnormal-operation list: at least tier C"
        case .heavyPenaltyMinC: return "a heavier penalty in the last 12 months: at least tier C"
        case .newNoHistoryB: return "registered less than a year ago with no history: tier B"
        case .manual: return "manual override (approved)"
        }
    }
}
