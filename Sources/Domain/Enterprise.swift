/// A supervised market entity (经营主体) as exported in `enterprises.csv`.
public struct Enterprise: Hashable, Sendable, Codable {
    public let id: CreditCode
    /// Trimmed, NFC, 1–200 characters, no control characters.
    public let name: String
    /// At least one.
    public let domains: Set<SupervisionDomain>
    /// GB/T 2260 code (6 ASCII digits) of the supervising district.
    public let district: String
    public let registeredOn: CivilDate
    public let status: RegistrationStatus
    /// Required unless `status == .active`; never before `registeredOn`.
    public let statusChangedOn: CivilDate?
    public let bureauId: String

    /// Derived from the code's first two characters.
    public var entityType: EntityType { EntityType(code: id) }

    /// The earliest registration date accepted: the founding of the PRC.
    public static let earliestRegistration = CivilDate(year: 1949, month: 10, day: 1)!

    public init(id: CreditCode, name: String, domains: Set<SupervisionDomain>, district: String, registeredOn: CivilDate,
                status: RegistrationStatus, statusChangedOn: CivilDate?, bureauId: String) throws(DomainError) {
        try Validation.text(name, field: "name", maxLength: 200)
        guard !domains.isEmpty else {
            throw DomainError(field: "domains", requirement: "a ;-joined set of at least one of \(SupervisionDomain.allowedTokens)", got: "")
        }
        try Validation.district(district)
        guard registeredOn >= Enterprise.earliestRegistration else {
            throw DomainError(field: "registered_on", requirement: "on or after 1949-10-01", got: registeredOn.description)
        }
        if status == .active {
            if let statusChangedOn, statusChangedOn < registeredOn {
                throw DomainError(field: "status_changed_on", requirement: "on or after registered_on \(registeredOn)", got: statusChangedOn.description)
            }
        } else {
            guard let statusChangedOn else {
                throw DomainError(field: "status_changed_on", requirement: "a date when status is '\(status.rawValue)'", got: "")
            }
            guard statusChangedOn >= registeredOn else {
                throw DomainError(field: "status_changed_on", requirement: "on or after registered_on \(registeredOn)", got: statusChangedOn.description)
            }
        }
        try Validation.text(bureauId, field: "bureau_id", maxLength: 64)
        self.id = id
        self.name = name
        self.domains = domains
        self.district = district
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
        self.bureauId = bureauId
    }

    /// Whether the entity is registered and not yet revoked/cancelled/annulled/moved out on `date`.
    public func isActive(on date: CivilDate) -> Bool {
        guard registeredOn <= date else { return false }
        if status == .active { return true }
        guard let changed = statusChangedOn else { return false }
        return date < changed
    }
}
