import Domain

/// Column lists of the stored tables, in table column order (the values are rendered in this
/// order by `RenderedRows`). Sets are written as `;`-joined tokens in byte order so that equal
/// sets give equal text.
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

    static let enterprise = ["enterprise_id", "name", "domains", "district", "registered_on", "status", "status_changed_on", "bureau_id", "entity_type"]

    static let inspector = ["inspector_id", "name", "bureau_id", "district", "domains", "role", "cert_no", "cert_valid_until", "capacity", "active"]

    static let conflict = ["inspector_id", "enterprise_id", "reason", "declared_on", "valid_until"]

    static let header = ["event_id", "enterprise_id", "domain", "recorded_on"]

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

    /// The columns the monthly run's feature pass reads (`Store.scanFeatureInputs`): exactly what
    /// the features, the label and the override facts use. Names, numbers such as `event_id`
    /// or `decision_no`, categories and inspector lists are not read (nor digested): they were
    /// about half the bytes the pass copied out of SQLite and hashed.
    static let enterpriseFeatureInput = ["enterprise_id", "domains", "registered_on", "status", "status_changed_on"]

    static func featureInput(_ kind: EventKind) -> [String] {
        let header = ["enterprise_id", "domain", "recorded_on"]
        switch kind {
        case .licence: return header + ["issued_on", "status", "status_changed_on"]
        case .penalty: return header + ["decided_on", "procedure", "fine_fen", "heavy", "publicity_ended_on", "severity"]
        case .samplingTest: return header + ["sampled_on", "result", "fail_class", "final"]
        case .inspection: return header + ["inspected_on", "origin", "draw_id", "findings_count", "max_severity"]
        case .complaint: return header + ["received_on", "substantiated"]
        case .listEntry: return header + ["list", "entered_on", "exited_on"]
        }
    }

    /// The rows of a kind the feature pass reads, as an SQL condition (nil: every row), and the
    /// SQL expression of the date of a row it skips (the event's date, `EventFactsDecoder`).
    /// A licence changes a feature only once it lapsed (revoked or expired:
    /// `licence_lapsed_36m`); no feature, label or override reads any other licence. Those are
    /// most of the licence rows (95 % in the synthetic city) and were about a fifth of every
    /// event row the monthly run read: 10⁶ firms, interleaved, 4 runs each, 4.78 → 3.72 s wall
    /// (medians), CPU 6.9 → 5.7 s (Benchmarks/README.md "Monthly run", session 9).
    static func featureInputFilter(_ kind: EventKind) -> (condition: String, skippedDateSQL: String)? {
        switch kind {
        case .licence: return ("status IN ('revoked', 'expired')", "COALESCE(status_changed_on, issued_on)")
        case .penalty, .samplingTest, .inspection, .complaint, .listEntry: return nil
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
}
