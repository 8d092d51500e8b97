/// The gravest finding of an inspection.
public enum FindingSeverity: String, FileToken, Codable, Comparable {
    case none, minor, general, serious

    public var rank: Int {
        switch self {
        case .none: return 0
        case .minor: return 1
        case .general: return 2
        case .serious: return 3
        }
    }

    public static func < (lhs: FindingSeverity, rhs: FindingSeverity) -> Bool { lhs.rank < rhs.rank }
}
