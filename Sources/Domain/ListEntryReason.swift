/// Ground for putting an entity on a list; each list allows its own subset (`ListKind.reasons`).
public enum ListEntryReason: String, FileToken, Codable {
    case annualReportMissing = "annual_report_missing"
    case instantInfoMissing = "instant_info_missing"
    case falseDisclosure = "false_disclosure"
    case unreachable
    case heavyPenalty = "heavy_penalty"
    case abnormal3y = "abnormal_3y"
    case other
}
