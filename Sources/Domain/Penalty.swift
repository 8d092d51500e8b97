/// An administrative penalty decision (`penalties.csv`). Money is integer fen (0.01 CNY):
/// no floating-point amounts.
public struct Penalty: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let decidedOn: CivilDate
    /// 文书号, non-empty.
    public let decisionNo: String
    public let procedure: PenaltyProcedure
    /// At least one kind.
    public let kinds: Set<PenaltyKind>
    public let fineFen: Int
    public let confiscatedFen: Int
    /// As declared, or forced to true when `kinds` hits the Order-44 list.
    public let heavy: Bool
    /// Set when credit repair ended publicity.
    public let publicityEndedOn: CivilDate?

    /// Art. 51 of 行政处罚法: a summary-procedure fine is at most 3,000 CNY (organisation).
    public static let summaryFineLimitFen = 300_000

    public init(header: EventHeader, decidedOn: CivilDate, decisionNo: String, procedure: PenaltyProcedure,
                kinds: Set<PenaltyKind>, fineFen: Int, confiscatedFen: Int, heavy: Bool,
                publicityEndedOn: CivilDate?) throws(DomainError) {
        try Validation.text(decisionNo, field: "decision_no", maxLength: 128)
        guard !kinds.isEmpty else {
            throw DomainError(field: "kinds", requirement: "a ;-joined set of \(PenaltyKind.allowedTokens)", got: "")
        }
        guard fineFen >= 0 else {
            throw DomainError(field: "fine_cny", requirement: "an amount ≥ 0", got: CNYAmount.text(fen: fineFen))
        }
        guard confiscatedFen >= 0 else {
            throw DomainError(field: "confiscated_cny", requirement: "an amount ≥ 0", got: CNYAmount.text(fen: confiscatedFen))
        }
        if kinds.contains(.fine), fineFen == 0 {
            throw DomainError(field: "fine_cny", requirement: "greater than 0 when kinds include 'fine'", got: CNYAmount.text(fen: fineFen))
        }
        if !kinds.contains(.fine), fineFen > 0 {
            throw DomainError(field: "fine_cny", requirement: "0 when kinds do not include 'fine'", got: CNYAmount.text(fen: fineFen))
        }
        if procedure == .summary, fineFen > Penalty.summaryFineLimitFen {
            throw DomainError(field: "fine_cny", requirement: "at most 3000 under the summary procedure (Art. 51 of 行政处罚法)", got: CNYAmount.text(fen: fineFen))
        }
        if let publicityEndedOn, publicityEndedOn < decidedOn {
            throw DomainError(field: "publicity_ended_on", requirement: "on or after decided_on \(decidedOn)", got: publicityEndedOn.description)
        }
        self.header = header
        self.decidedOn = decidedOn
        self.decisionNo = decisionNo
        self.procedure = procedure
        self.kinds = kinds
        self.fineFen = fineFen
        self.confiscatedFen = confiscatedFen
        self.heavy = heavy || !kinds.isDisjoint(with: PenaltyKind.order44Kinds)
        self.publicityEndedOn = publicityEndedOn
    }

    /// Severity for features [OURS]: 3 = heavy; 1 = summary procedure or warning/criticism only;
    /// 2 = any other ordinary-procedure penalty.
    public var severity: Int {
        if heavy { return 3 }
        if procedure == .summary { return 1 }
        if kinds.isSubset(of: [.warning, .circulatedCriticism]) { return 1 }
        return 2
    }
}
