/// A domain licence and its current status (`licences.csv`; the "licence change" event).
public struct Licence: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let licenceId: String
    /// Code from the bureau's catalogue, e.g. `food_production`, `drug_retail`.
    public let licenceType: String
    public let issuedOn: CivilDate
    public let expiresOn: CivilDate
    public let status: LicenceStatus
    /// Required unless `valid`; never before `issuedOn`.
    public let statusChangedOn: CivilDate?

    public init(header: EventHeader, licenceId: String, licenceType: String, issuedOn: CivilDate, expiresOn: CivilDate,
                status: LicenceStatus, statusChangedOn: CivilDate?) throws(DomainError) {
        try Validation.text(licenceId, field: "licence_id", maxLength: 64)
        try Validation.code(licenceType, field: "licence_type")
        guard expiresOn >= issuedOn else {
            throw DomainError(field: "expires_on", requirement: "on or after issued_on \(issuedOn)", got: expiresOn.description)
        }
        if let statusChangedOn, statusChangedOn < issuedOn {
            throw DomainError(field: "status_changed_on", requirement: "on or after issued_on \(issuedOn)", got: statusChangedOn.description)
        }
        if status != .valid, statusChangedOn == nil {
            throw DomainError(field: "status_changed_on", requirement: "a date when status is '\(status.rawValue)'", got: "")
        }
        self.header = header
        self.licenceId = licenceId
        self.licenceType = licenceType
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.status = status
        self.statusChangedOn = statusChangedOn
    }

    /// The date the event is dated by: the status change if any, else the issue date.
    public var eventDate: CivilDate { statusChangedOn ?? issuedOn }
}
