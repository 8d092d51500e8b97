/// A credit-risk supervision tier (企业信用风险分类), A = low risk … D = high risk.
public enum Tier: String, CaseIterable, Codable, Sendable, Comparable {
    case a = "A"
    case b = "B"
    case c = "C"
    case d = "D"

    /// 0 for A … 3 for D: higher is riskier.
    public var rank: Int {
        switch self {
        case .a: return 0
        case .b: return 1
        case .c: return 2
        case .d: return 3
        }
    }

    public static func < (lhs: Tier, rhs: Tier) -> Bool { lhs.rank < rhs.rank }

    /// The class names of the 2022 SAMR opinion.
    public var chineseName: String {
        switch self {
        case .a: return "信用风险低"
        case .b: return "信用风险一般"
        case .c: return "信用风险较高"
        case .d: return "信用风险高"
        }
    }

    public var englishName: String {
        switch self {
        case .a: return "low"
        case .b: return "general"
        case .c: return "relatively high"
        case .d: return "high"
        }
    }
}
