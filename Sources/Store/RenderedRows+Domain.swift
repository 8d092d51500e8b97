import Domain

/// How each stored value is rendered: the one definition of the text, integers and NULLs a row
/// is stored as (sets as `;`-joined tokens in byte order, dates as YYYY-MM-DD, money in fen,
/// yes/no as 1/0), in `storedColumns` order.
extension RenderedRows {
    public mutating func append(_ enterprise: Enterprise, line: Int) {
        begin(.enterprises, line: line)
        text(enterprise.id); text(enterprise.name); text(StoreColumns.joined(enterprise.domains))
        text(enterprise.district); date(enterprise.registeredOn); token(enterprise.status)
        date(enterprise.statusChangedOn); text(enterprise.bureauId); token(enterprise.entityType)
    }

    public mutating func append(_ inspector: Inspector, line: Int) {
        begin(.inspectors, line: line)
        text(inspector.id); text(inspector.name); text(inspector.bureauId); text(inspector.district)
        text(StoreColumns.joined(inspector.domains)); token(inspector.role); text(inspector.certNo)
        date(inspector.certValidUntil); int(inspector.capacity); bool(inspector.active)
    }

    public mutating func append(_ conflict: Conflict, line: Int) {
        begin(.conflicts, line: line)
        text(conflict.inspectorId); text(conflict.enterpriseId); token(conflict.reason)
        date(conflict.declaredOn); date(conflict.validUntil)
    }

    /// A credit code listed in uscc_exceptions.csv.
    public mutating func appendUSCCException(_ code: CreditCode, line: Int) {
        begin(.usccExceptions, line: line)
        text(code)
    }

    public mutating func append(_ event: Event, line: Int) {
        begin(ImportFileFormat(event.kind), line: line)
        func header(_ h: EventHeader) {
            text(h.eventId); text(h.enterpriseId); token(h.domain); date(h.recordedOn)
        }
        switch event {
        case let .licence(l):
            header(l.header)
            text(l.licenceId); text(l.licenceType); date(l.issuedOn); date(l.expiresOn)
            token(l.status); date(l.statusChangedOn)
        case let .penalty(p):
            header(p.header)
            date(p.decidedOn); text(p.decisionNo); token(p.procedure); text(StoreColumns.joined(p.kinds))
            int(p.fineFen); int(p.confiscatedFen); bool(p.heavy); date(p.publicityEndedOn); int(p.severity)
        case let .samplingTest(s):
            header(s.header)
            date(s.sampledOn); text(s.productCategory); token(s.stage); token(s.result)
            token(s.failClass); bool(s.isFinal)
        case let .inspection(i):
            header(i.header)
            date(i.inspectedOn); token(i.origin); text(i.drawId); int(i.findingsCount)
            token(i.maxSeverity); token(i.outcome); inspectorIds(i.inspectorIds)
        case let .complaint(c):
            header(c.header)
            date(c.receivedOn); token(c.substantiated); text(c.category)
        case let .listEntry(l):
            header(l.header)
            token(l.list); date(l.enteredOn); token(l.reason); date(l.exitedOn); token(l.exitReason)
        }
    }

    /// The `;`-joined ids, written without building the joined String.
    private mutating func inspectorIds(_ ids: [String]) {
        var count = ids.count > 0 ? ids.count - 1 : 0
        for id in ids { count += id.utf8.count }
        beginText(count: count)
        for (index, id) in ids.enumerated() {
            if index > 0 { appendTextByte(0x3B) }
            appendTextBytes(id)
        }
    }
}
