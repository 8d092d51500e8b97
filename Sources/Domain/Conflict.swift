/// A declared recusal between an inspector and an enterprise (`conflicts.csv`).
public struct Conflict: Hashable, Sendable, Codable {
    public let inspectorId: String
    public let enterpriseId: CreditCode
    public let reason: ConflictReason
    public let declaredOn: CivilDate
    /// Open-ended when nil.
    public let validUntil: CivilDate?

    public init(inspectorId: String, enterpriseId: CreditCode, reason: ConflictReason, declaredOn: CivilDate, validUntil: CivilDate?) throws(DomainError) {
        guard Inspector.isValidId(inspectorId) else {
            throw DomainError(field: "inspector_id", requirement: "1 to 32 characters from A-Z a-z 0-9 _ -", got: inspectorId)
        }
        if let validUntil, validUntil < declaredOn {
            throw DomainError(field: "valid_until", requirement: "on or after declared_on \(declaredOn)", got: validUntil.description)
        }
        self.inspectorId = inspectorId
        self.enterpriseId = enterpriseId
        self.reason = reason
        self.declaredOn = declaredOn
        self.validUntil = validUntil
    }

    /// In force on `date` (declared on or before it, and `validUntil` not before it).
    public func isActive(on date: CivilDate) -> Bool {
        declaredOn <= date && (validUntil.map { date <= $0 } ?? true)
    }
}
