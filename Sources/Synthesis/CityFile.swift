import Domain

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

    /// Column names in the order DOMAIN.md §4 lists them (`ImportFileFormat`, shared with the
    /// importer).
    public var columns: [String] { ImportFileFormat(rawValue: rawValue)!.columns }

    public var header: String { columns.joined(separator: ",") }
}
