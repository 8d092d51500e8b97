import Domain

/// The import files of DOMAIN.md §4 (`ImportFileFormat`: names and columns in one place). A
/// file's kind is recognised from its header, whatever the file is called and in whatever
/// order its columns come. Every column is required in the header except `recorded_on`, which
/// event files may omit.
public typealias ImportFileKind = ImportFileFormat

extension ImportFileFormat {
    /// Columns a header may leave out.
    public var optionalColumns: Set<String> { eventKind == nil ? [] : ["recorded_on"] }

    /// The order files are applied in within one import: exceptions before the codes they
    /// excuse, enterprises and inspectors before the events and conflicts that refer to them.
    public var applyOrder: Int { Self.allCases.firstIndex(of: self)! }

    /// The kind whose columns best match `names`; then every column must be known and present.
    public static func recognise(header names: [String], file: String) throws(IngestError) -> ImportFileKind {
        let given = Set(names)
        let scored = allCases.map { kind in (kind, Set(kind.columns).intersection(given).count, kind.columns.count) }
        // Most shared columns wins; among equals the kind with fewer columns (exact fit).
        let best = scored.max { a, b in a.1 != b.1 ? a.1 < b.1 : a.2 > b.2 }!
        guard best.1 > 0 else {
            let names = allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")
            throw IngestError(file: file, line: 1, message: "header does not match any import file (\(names)); see DOMAIN.md §4 for their columns")
        }
        let kind = best.0
        for name in names where !kind.columns.contains(name) {
            throw IngestError(file: file, line: 1, field: name,
                              message: "unknown column '\(name)' for \(kind.rawValue).csv; its columns are \(kind.columns.joined(separator: ", "))")
        }
        for name in kind.columns where !given.contains(name) && !kind.optionalColumns.contains(name) {
            throw IngestError(file: file, line: 1, field: name,
                              message: "missing column '\(name)' for \(kind.rawValue).csv; its columns are \(kind.columns.joined(separator: ", "))")
        }
        return kind
    }
}
