/// The two credit lists: 经营异常名录 and 严重违法失信名单.
public enum ListKind: String, FileToken, Codable {
    case abnormalOperation = "abnormal_operation"
    case seriousDishonesty = "serious_dishonesty"

    /// The entry reasons allowed on this list.
    public var reasons: [ListEntryReason] {
        switch self {
        case .abnormalOperation: return [.annualReportMissing, .instantInfoMissing, .falseDisclosure, .unreachable]
        case .seriousDishonesty: return [.heavyPenalty, .abnormal3y, .other]
        }
    }
}
