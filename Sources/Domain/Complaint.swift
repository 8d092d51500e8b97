/// A consumer complaint or whistle-blower report (`complaints.csv`).
public struct Complaint: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let receivedOn: CivilDate
    public let substantiated: Substantiation
    /// Free text from the bureau's categories.
    public let category: String

    public init(header: EventHeader, receivedOn: CivilDate, substantiated: Substantiation, category: String) throws(DomainError) {
        try Validation.text(category, field: "category", maxLength: 100)
        self.header = header
        self.receivedOn = receivedOn
        self.substantiated = substantiated
        self.category = category
    }
}
