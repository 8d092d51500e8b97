import Domain

/// The tables an import writes, each with its columns in table order, how many of them form the
/// key, and the statements the writer prepares for it. One list, so that a row rendered for a
/// table (`RenderedRows`) is bound, matched and reported the same way whatever its kind.
public enum StoreTable: UInt8, CaseIterable, Sendable {
    case usccExceptions, enterprises, inspectors, conflicts
    case licences, penalties, samplingTests, inspections, complaints, listEntries

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

    /// The event kind the table holds, nil for master data.
    public var eventKind: EventKind? {
        switch self {
        case .licences: return .licence
        case .penalties: return .penalty
        case .samplingTests: return .samplingTest
        case .inspections: return .inspection
        case .complaints: return .complaint
        case .listEntries: return .listEntry
        case .usccExceptions, .enterprises, .inspectors, .conflicts: return nil
        }
    }

    var name: String {
        switch self {
        case .usccExceptions: return "uscc_exceptions"
        case .enterprises: return "enterprises"
        case .inspectors: return "inspectors"
        case .conflicts: return "conflicts"
        default: return StoreColumns.table(eventKind!)
        }
    }

    var columns: [String] {
        switch self {
        case .usccExceptions: return ["enterprise_id"]
        case .enterprises: return StoreColumns.enterprise
        case .inspectors: return StoreColumns.inspector
        case .conflicts: return StoreColumns.conflict
        default: return StoreColumns.columns(eventKind!)
        }
    }

    /// Leading columns that form the primary key (conflicts: inspector, enterprise, reason,
    /// declared_on; `valid_until` may be updated by a later export).
    var keyCount: Int { self == .conflicts ? 4 : 1 }

    /// The statements, built once per table rather than per row (GRDB's statement cache is keyed
    /// by the whole SQL text, hashed on every lookup).
    struct SQL {
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

    /// Column counts by raw value, read per bound row.
    static let columnCounts: [Int] = allCases.map { $0.columns.count }

    static let sql: [SQL] = allCases.map { table in
        let columns = table.columns
        let keys = columns.prefix(table.keyCount)
        let list = columns.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let tests = columns.enumerated().map { index, column in index < table.keyCount ? "\(column) = ?" : "\(column) IS ?" }
        let keyTest = keys.map { "\($0) = ?" }.joined(separator: " AND ")
        let sets = columns.dropFirst(table.keyCount).map { "\($0) = ?" }.joined(separator: ", ")
        return SQL(insert: "INSERT INTO \(table.name) (\(list)) VALUES (\(marks)) ON CONFLICT DO NOTHING",
                   match: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(tests.joined(separator: " AND ")))",
                   select: "SELECT \(list) FROM \(table.name) WHERE \(keyTest)",
                   update: "UPDATE \(table.name) SET \(sets) WHERE \(keyTest)")
    }
}
