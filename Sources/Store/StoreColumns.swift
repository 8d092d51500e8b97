import Domain
import GRDB

/// Column lists and value arrays for each stored value, in table column order. Sets are written
/// as `;`-joined tokens in byte order so that equal sets give equal text.
enum StoreColumns {
    static func joined<T: FileToken>(_ set: Set<T>) -> String {
        // Almost every set has one or two members: skip the sort and join arrays for those.
        // A closure, not `\.rawValue`: a key path here is instantiated per call at run time and
        // measured ~10 % of import time in `perf` (100k penalties, release build).
        if set.count == 1 { return set.first!.rawValue }
        if set.count == 2 {
            var iterator = set.makeIterator()
            let a = iterator.next()!.rawValue, b = iterator.next()!.rawValue
            return a.utf8.lexicographicallyPrecedes(b.utf8) ? a + ";" + b : b + ";" + a
        }
        return set.map { $0.rawValue }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined(separator: ";")
    }

    static func date(_ date: CivilDate?) -> DatabaseValue { date.map { $0.description.databaseValue } ?? .null }

    static let enterprise = ["enterprise_id", "name", "domains", "district", "registered_on", "status", "status_changed_on", "bureau_id", "entity_type"]
    static func values(_ e: Enterprise) -> [DatabaseValue] {
        [e.id.value.databaseValue, e.name.databaseValue, joined(e.domains).databaseValue, e.district.databaseValue,
         date(e.registeredOn), e.status.rawValue.databaseValue, date(e.statusChangedOn), e.bureauId.databaseValue,
         e.entityType.rawValue.databaseValue]
    }

    static let inspector = ["inspector_id", "name", "bureau_id", "district", "domains", "role", "cert_no", "cert_valid_until", "capacity", "active"]
    static func values(_ i: Inspector) -> [DatabaseValue] {
        [i.id.databaseValue, i.name.databaseValue, i.bureauId.databaseValue, i.district.databaseValue, joined(i.domains).databaseValue,
         i.role.rawValue.databaseValue, i.certNo.databaseValue, date(i.certValidUntil), i.capacity.databaseValue, i.active.databaseValue]
    }

    static let conflict = ["inspector_id", "enterprise_id", "reason", "declared_on", "valid_until"]
    static func values(_ c: Conflict) -> [DatabaseValue] {
        [c.inspectorId.databaseValue, c.enterpriseId.value.databaseValue, c.reason.rawValue.databaseValue, date(c.declaredOn), date(c.validUntil)]
    }

    static let header = ["event_id", "enterprise_id", "domain", "recorded_on"]
    static func values(_ h: EventHeader) -> [DatabaseValue] {
        [h.eventId.databaseValue, h.enterpriseId.value.databaseValue, h.domain.rawValue.databaseValue, date(h.recordedOn)]
    }

    static func table(_ kind: EventKind) -> String { kind.rawValue }

    static func columns(_ kind: EventKind) -> [String] {
        switch kind {
        case .licence: return header + ["licence_id", "licence_type", "issued_on", "expires_on", "status", "status_changed_on"]
        case .penalty: return header + ["decided_on", "decision_no", "procedure", "kinds", "fine_fen", "confiscated_fen", "heavy", "publicity_ended_on", "severity"]
        case .samplingTest: return header + ["sampled_on", "product_category", "stage", "result", "fail_class", "final"]
        case .inspection: return header + ["inspected_on", "origin", "draw_id", "findings_count", "max_severity", "outcome", "inspector_ids"]
        case .complaint: return header + ["received_on", "substantiated", "category"]
        case .listEntry: return header + ["list", "entered_on", "reason", "exited_on", "exit_reason"]
        }
    }

    /// The column holding the event's date, for ordering.
    static func dateColumn(_ kind: EventKind) -> String {
        switch kind {
        case .licence: return "issued_on"
        case .penalty: return "decided_on"
        case .samplingTest: return "sampled_on"
        case .inspection: return "inspected_on"
        case .complaint: return "received_on"
        case .listEntry: return "entered_on"
        }
    }

    static func values(_ event: Event) -> [DatabaseValue] {
        switch event {
        case let .licence(l):
            return values(l.header) + [l.licenceId.databaseValue, l.licenceType.databaseValue, date(l.issuedOn), date(l.expiresOn),
                                       l.status.rawValue.databaseValue, date(l.statusChangedOn)]
        case let .penalty(p):
            return values(p.header) + [date(p.decidedOn), p.decisionNo.databaseValue, p.procedure.rawValue.databaseValue,
                                       joined(p.kinds).databaseValue, p.fineFen.databaseValue, p.confiscatedFen.databaseValue,
                                       p.heavy.databaseValue, date(p.publicityEndedOn), p.severity.databaseValue]
        case let .samplingTest(s):
            return values(s.header) + [date(s.sampledOn), s.productCategory.databaseValue, s.stage.rawValue.databaseValue,
                                       s.result.rawValue.databaseValue, s.failClass?.rawValue.databaseValue ?? .null, s.isFinal.databaseValue]
        case let .inspection(i):
            return values(i.header) + [date(i.inspectedOn), i.origin.rawValue.databaseValue, i.drawId.databaseValue,
                                       i.findingsCount.databaseValue, i.maxSeverity.rawValue.databaseValue, i.outcome.rawValue.databaseValue,
                                       i.inspectorIds.joined(separator: ";").databaseValue]
        case let .complaint(c):
            return values(c.header) + [date(c.receivedOn), c.substantiated.rawValue.databaseValue, c.category.databaseValue]
        case let .listEntry(l):
            return values(l.header) + [l.list.rawValue.databaseValue, date(l.enteredOn), l.reason.rawValue.databaseValue,
                                       date(l.exitedOn), l.exitReason?.rawValue.databaseValue ?? .null]
        }
    }
}
