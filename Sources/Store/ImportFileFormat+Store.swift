import Domain

/// Each import file is stored in the table of its name (`rawValue`): its columns in table order,
/// how many of them form the key, and the statements the writer prepares for it. One list, so
/// that a row rendered for a table (`RenderedRows`) is bound, matched and reported the same way
/// whatever its kind.
extension ImportFileFormat {
    var table: String { rawValue }

    /// Position in the declaration order, for the per-table arrays read per row (a switch: the
    /// enum's `Hashable` and `allCases` are not free per row).
    var storeIndex: Int {
        switch self {
        case .usccExceptions: return 0
        case .enterprises: return 1
        case .inspectors: return 2
        case .licences: return 3
        case .penalties: return 4
        case .samplingTests: return 5
        case .inspections: return 6
        case .complaints: return 7
        case .listEntries: return 8
        case .conflicts: return 9
        }
    }

    /// The table's columns in table order (the file's, `columns`, differ: money in fen, the
    /// derived entity type and severity).
    var storedColumns: [String] {
        switch self {
        case .usccExceptions: return ["enterprise_id"]
        case .enterprises: return StoreColumns.enterprise
        case .inspectors: return StoreColumns.inspector
        case .conflicts: return StoreColumns.conflict
        case .licences, .penalties, .samplingTests, .inspections, .complaints, .listEntries:
            return StoreColumns.columns(eventKind!)
        }
    }

    /// Leading columns that form the primary key (conflicts: inspector, enterprise, reason,
    /// declared_on; `valid_until` may be updated by a later export).
    var keyCount: Int { self == .conflicts ? 4 : 1 }

    /// The statements, built once per table rather than per row (GRDB's statement cache is keyed
    /// by the whole SQL text, hashed on every lookup).
    struct StoreSQL {
        /// `INSERT … ON CONFLICT DO NOTHING`: a stored key leaves the row to `match`.
        let insert: String
        /// `SELECT EXISTS (… WHERE key = ? AND … AND column IS ? …)` with one parameter per column
        /// in column order, bound like the INSERT: is this exact row already stored? `IS`
        /// compares NULLs as equal, and the column affinities convert the bound values as they
        /// did when the row was inserted, so this says yes exactly when the stored values equal
        /// the row's.
        let match: String
        /// Every column of the row stored under the key (parameters: the key columns).
        let select: String
        /// Sets the non-key columns (parameters: them, then the key columns).
        let update: String
    }

    /// By `storeIndex`.
    static let storeSQL: [StoreSQL] = allCases.sorted { $0.storeIndex < $1.storeIndex }.map { format in
        let columns = format.storedColumns
        let keys = columns.prefix(format.keyCount)
        let list = columns.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let tests = columns.enumerated().map { index, column in index < format.keyCount ? "\(column) = ?" : "\(column) IS ?" }
        let keyTest = keys.map { "\($0) = ?" }.joined(separator: " AND ")
        let sets = columns.dropFirst(format.keyCount).map { "\($0) = ?" }.joined(separator: ", ")
        return StoreSQL(insert: "INSERT INTO \(format.table) (\(list)) VALUES (\(marks)) ON CONFLICT DO NOTHING",
                        match: "SELECT EXISTS (SELECT 1 FROM \(format.table) WHERE \(tests.joined(separator: " AND ")))",
                        select: "SELECT \(list) FROM \(format.table) WHERE \(keyTest)",
                        update: "UPDATE \(format.table) SET \(sets) WHERE \(keyTest)")
    }

    /// Stored column counts by `storeIndex`, read per bound row.
    static let storedColumnCounts: [Int] = allCases.sorted { $0.storeIndex < $1.storeIndex }.map { $0.storedColumns.count }

    var storeSQL: StoreSQL { Self.storeSQL[storeIndex] }
}
