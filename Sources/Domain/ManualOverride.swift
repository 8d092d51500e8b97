/// An analyst's tier override (`O_MANUAL`, DOMAIN.md §2.3) with its audit fields. In force
/// from `startsOn` through `expiresOn` (both days included).
public struct ManualOverride: Hashable, Sendable, Codable {
    public let enterpriseId: CreditCode
    public let tier: Tier
    public let reason: String
    public let approver: String
    public let startsOn: CivilDate
    public let expiresOn: CivilDate

    public init(enterpriseId: CreditCode, tier: Tier, reason: String, approver: String, startsOn: CivilDate, expiresOn: CivilDate) throws(DomainError) {
        try Validation.text(reason, field: "reason", maxLength: 500)
        try Validation.text(approver, field: "approver", maxLength: 100)
        guard expiresOn >= startsOn else {
            throw DomainError(field: "expires_on", requirement: "on or after starts_on \(startsOn)", got: expiresOn.description)
        }
        self.enterpriseId = enterpriseId
        self.tier = tier
        self.reason = reason
        self.approver = approver
        self.startsOn = startsOn
        self.expiresOn = expiresOn
    }

    public func isInForce(on date: CivilDate) -> Bool { startsOn <= date && date <= expiresOn }

    enum CodingKeys: String, CodingKey {
        case enterpriseId = "enterprise_id", tier, reason, approver, startsOn = "starts_on", expiresOn = "expires_on"
    }
}
