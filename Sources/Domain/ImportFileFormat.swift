/// The import files of DOMAIN.md §4 and their exact column names, in the documented order: the
/// one list that the readers (Ingest) and the synthetic city (Synthesis) both use.
public enum ImportFileFormat: String, CaseIterable, Sendable {
    case usccExceptions = "uscc_exceptions"
    case enterprises
    case inspectors
    case licences
    case penalties
    case samplingTests = "sampling_tests"
    case inspections
    case complaints
    case listEntries = "list_entries"
    case conflicts

    /// The columns every event file starts with.
    public static let eventColumns = ["event_id", "enterprise_id", "domain", "recorded_on"]

    public var fileName: String { rawValue + ".csv" }

    /// The event kind an event file carries (its name is the kind's), nil for the others.
    public var eventKind: EventKind? { EventKind(rawValue: rawValue) }

    /// The file (and store table) of an event kind.
    public init(_ kind: EventKind) {
        switch kind {
        case .licence: self = .licences
        case .penalty: self = .penalties
        case .samplingTest: self = .samplingTests
        case .inspection: self = .inspections
        case .complaint: self = .complaints
        case .listEntry: self = .listEntries
        }
    }

    /// Column names in the order DOMAIN.md §4 lists them.
    public var columns: [String] {
        switch self {
        case .usccExceptions: return ["enterprise_id"]
        case .enterprises:
            return ["enterprise_id", "name", "domains", "district", "registered_on", "status", "status_changed_on", "bureau_id"]
        case .inspectors:
            return ["inspector_id", "name", "bureau_id", "district", "domains", "role", "cert_no", "cert_valid_until", "capacity", "active"]
        case .licences:
            return Self.eventColumns + ["licence_id", "licence_type", "issued_on", "expires_on", "status", "status_changed_on"]
        case .penalties:
            return Self.eventColumns + ["decided_on", "decision_no", "procedure", "kinds", "fine_cny", "confiscated_cny", "heavy", "publicity_ended_on"]
        case .samplingTests:
            return Self.eventColumns + ["sampled_on", "product_category", "stage", "result", "fail_class", "final"]
        case .inspections:
            return Self.eventColumns + ["inspected_on", "origin", "draw_id", "findings_count", "max_severity", "outcome", "inspector_ids"]
        case .complaints:
            return Self.eventColumns + ["received_on", "substantiated", "category"]
        case .listEntries:
            return Self.eventColumns + ["list", "entered_on", "reason", "exited_on", "exit_reason"]
        case .conflicts:
            return ["inspector_id", "enterprise_id", "reason", "declared_on", "valid_until"]
        }
    }
}
