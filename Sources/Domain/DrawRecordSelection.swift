/// One selected enterprise: its overall rank, ticket and the inspection team drawn for it.
public struct DrawRecordSelection: Hashable, Sendable {
    /// 1 = smallest ticket among all selected enterprises.
    public let rank: Int
    public let enterpriseID: String
    public let stratum: DrawStratum
    /// The ticket as `trim(x, 18)` of consistent-sampler (truncated, not rounded).
    public let ticket: String
    /// By ascending inspector ticket; empty when the enterprise is unassigned.
    public let team: [DrawRecordTeamMember]

    public init(rank: Int, enterpriseID: String, stratum: DrawStratum, ticket: String, team: [DrawRecordTeamMember]) {
        self.rank = rank
        self.enterpriseID = enterpriseID
        self.stratum = stratum
        self.ticket = ticket
        self.team = team
    }
}
