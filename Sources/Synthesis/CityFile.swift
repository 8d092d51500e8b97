/// The files of DOMAIN.md §4 the generator writes, with their exact column names.
public enum CityFile: String, CaseIterable, Sendable {
    case enterprises
    case licences
    case penalties
    case samplingTests = "sampling_tests"
    case inspections
    case complaints
    case listEntries = "list_entries"
    case inspectors
    case conflicts

    public var fileName: String { rawValue + ".csv" }

    static let eventColumns = ["event_id", "enterprise_id", "domain", "recorded_on"]

    /// Column names in the order DOMAIN.md §4 lists them.
    public var columns: [String] {
        switch self {
        case .enterprises:
            return ["enterprise_id", "name", "domains", "district", "registered_on", "status", "status_changed_on", "bureau_id"]
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
        case .inspectors:
            return ["inspector_id", "name", "bureau_id", "district", "domains", "role", "cert_no", "cert_valid_until", "capacity", "active"]
        case .conflicts:
            return ["inspector_id", "enterprise_id", "reason", "declared_on", "valid_until"]
        }
    }

    public var header: String { columns.joined(separator: ",") }
}
