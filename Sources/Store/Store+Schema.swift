import Foundation
import GRDB

extension Store {
    /// Every row of `sqlite_master` (row id, type, name, table, root page, SQL) in row-id order,
    /// one line each: with `dump()` it tells whether two stores are the same file content-wise
    /// (tables, indexes, their definitions and pages). Used by tests ("the store is unchanged").
    public func schema() throws(StoreError) -> String {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT rowid, type, name, tbl_name, rootpage, sql FROM sqlite_master ORDER BY rowid")
                    .map { row in row.databaseValues.map(Store.schemaText).joined(separator: "|") }
                    .joined(separator: "\n")
            }
        }
    }

    /// Text as stored (no quotes, line breaks written `\n`), so that each row is one line that
    /// tests can split on "|".
    private static func schemaText(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case let .int64(number): return String(number)
        case let .double(number): return String(number)
        case let .string(text): return text.replacingOccurrences(of: "\n", with: "\\n")
        case .blob: return "<blob>"
        }
    }

    /// `PRAGMA integrity_check`: "ok", or SQLite's list of problems (an index that does not
    /// match its table is one).
    public func integrityCheck() throws(StoreError) -> String {
        try run {
            try pool.read { db in
                try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
            }
        }
    }
}
