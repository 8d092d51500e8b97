/// Why an entity left a list.
public enum ListExitReason: String, FileToken, Codable {
    case remedied
    case creditRepair = "credit_repair"
    case expired
    case decisionRevoked = "decision_revoked"
    case entityCancelled = "entity_cancelled"
}
