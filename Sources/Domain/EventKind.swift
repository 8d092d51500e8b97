/// The event files of DOMAIN.md §4; the raw value is the file's usual base name.
public enum EventKind: String, FileToken, Codable {
    case licence = "licences"
    case penalty = "penalties"
    case samplingTest = "sampling_tests"
    case inspection = "inspections"
    case complaint = "complaints"
    case listEntry = "list_entries"
}
