/// One recusal (回避) in `conflicts.csv`: this officer may not inspect this enterprise (L5).
public struct ConflictRow: Hashable, Sendable {
    public let inspectorID: String
    public let enterpriseID: String
    /// `kinship`, `former_employment`, `financial_interest`, `enterprise_request`,
    /// `prior_inspection`, `other` (DOMAIN.md §4); any token is accepted from frozen files.
    public let reason: String

    public init(inspectorID: String, enterpriseID: String, reason: String) {
        self.inspectorID = inspectorID
        self.enterpriseID = enterpriseID
        self.reason = reason
    }

    /// Canonical order: (inspector_id, enterprise_id, reason), bytewise.
    static func precedes(_ a: ConflictRow, _ b: ConflictRow) -> Bool {
        if a.inspectorID != b.inspectorID { return a.inspectorID.utf8.lexicographicallyPrecedes(b.inspectorID.utf8) }
        if a.enterpriseID != b.enterpriseID { return a.enterpriseID.utf8.lexicographicallyPrecedes(b.enterpriseID.utf8) }
        return a.reason.utf8.lexicographicallyPrecedes(b.reason.utf8)
    }
}
