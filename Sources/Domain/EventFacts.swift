/// What the feature pass reads of one event (DOMAIN.md §5): its date, domain, `recorded_on`
/// and the few fields a feature, an override or the label looks at — no ids, names or free
/// text. The store builds these straight from its columns (no `Event`, no strings per row);
/// `init(_:)` derives them from an `Event` so both paths share one feature computation.
public struct EventFacts: Hashable, Sendable {
    public enum Detail: Hashable, Sendable {
        /// `lapsedOn`: the status-change date of a revoked or expired licence, else nil.
        case licence(lapsedOn: CivilDate?)
        /// `severity` 1–3 (`Penalty.severity`); `ordinary`: the ordinary procedure.
        case penalty(severity: Int8, heavy: Bool, ordinary: Bool, fineFen: Int, publicityEndedOn: CivilDate?)
        /// `failed`: result fail; `safetyFail`: failed with fail class safety.
        case samplingTest(isFinal: Bool, failed: Bool, safetyFail: Bool)
        /// `randomDrawId`: the draw id of a random-draw inspection, else nil.
        case inspection(findings: Int, serious: Bool, randomDrawId: String?)
        case complaint(substantiated: Bool)
        case listEntry(list: ListKind, exitedOn: CivilDate?)
    }

    /// `Event.date`: decision, sampling, inspection, receipt, entry; a licence's status change
    /// or else its issue.
    public let date: CivilDate
    public let domain: SupervisionDomain
    public let recordedOn: CivilDate?
    public let detail: Detail

    public init(date: CivilDate, domain: SupervisionDomain, recordedOn: CivilDate?, detail: Detail) {
        self.date = date
        self.domain = domain
        self.recordedOn = recordedOn
        self.detail = detail
    }

    public init(_ event: Event) {
        let detail: Detail
        switch event {
        case let .licence(l):
            detail = .licence(lapsedOn: l.status == .revoked || l.status == .expired ? l.statusChangedOn : nil)
        case let .penalty(p):
            detail = .penalty(severity: Int8(p.severity), heavy: p.heavy, ordinary: p.procedure == .ordinary, fineFen: p.fineFen,
                              publicityEndedOn: p.publicityEndedOn)
        case let .samplingTest(s):
            detail = .samplingTest(isFinal: s.isFinal, failed: s.result == .fail, safetyFail: s.result == .fail && s.failClass == .safety)
        case let .inspection(i):
            detail = .inspection(findings: i.findingsCount, serious: i.maxSeverity == .serious, randomDrawId: i.origin == .randomDraw ? i.drawId : nil)
        case let .complaint(c):
            detail = .complaint(substantiated: c.substantiated == .yes)
        case let .listEntry(l):
            detail = .listEntry(list: l.list, exitedOn: l.exitedOn)
        }
        self.init(date: event.date, domain: event.header.domain, recordedOn: event.header.recordedOn, detail: detail)
    }
}
