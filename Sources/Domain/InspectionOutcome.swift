/// Published result category of an inspection (DOMAIN.md §3.3, S24).
public enum InspectionOutcome: String, FileToken, Codable {
    case noProblem = "no_problem"
    case notDisclosed = "not_disclosed"
    case falseDisclosure = "false_disclosure"
    case unreachable
    case corrected
    case nonCooperation = "non_cooperation"
    case noRelevantActivity = "no_relevant_activity"
    case other
}
