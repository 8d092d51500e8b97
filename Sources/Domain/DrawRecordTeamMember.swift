/// One officer of an inspection team with the ticket that placed them on it.
public struct DrawRecordTeamMember: Hashable, Sendable {
    public let inspectorID: String
    /// `trim(fraction(enterprise_id + ":" + inspector_id), 18)`.
    public let ticket: String

    public init(inspectorID: String, ticket: String) {
        self.inspectorID = inspectorID
        self.ticket = ticket
    }
}
