import Domain
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Writes inside one transaction opened by `Store.write`. Inserting what is already stored is a
/// no-op; an event whose event_id is stored with other content is an error; master data
/// (enterprises, inspectors, a conflict's validity) is updated by a newer export.
public struct StoreWriter {
    let db: Database
    private let statements = StatementCache()

    init(db: Database) { self.db = db }

    /// The statements per table, prepared once per transaction. Read per row on the import's
    /// writing thread, so without run-time exclusivity checks: only this writer's thread uses it,
    /// and no access is held across a call that could reach it again.
    private final class StatementCache {
        @exclusivity(unchecked) var inserts = [Statement?](repeating: nil, count: ImportFileFormat.allCases.count)
        @exclusivity(unchecked) var matches = [Statement?](repeating: nil, count: ImportFileFormat.allCases.count)
    }

    private func insert(_ table: ImportFileFormat) throws -> Statement {
        if let statement = statements.inserts[table.storeIndex] { return statement }
        let statement = try db.makeStatement(sql: table.storeSQL.insert)
        statements.inserts[table.storeIndex] = statement
        return statement
    }

    private func match(_ table: ImportFileFormat) throws -> Statement {
        if let statement = statements.matches[table.storeIndex] { return statement }
        let statement = try db.makeStatement(sql: table.storeSQL.match)
        statements.matches[table.storeIndex] = statement
        return statement
    }

    /// What an insert did.
    public enum Outcome: Sendable, Equatable {
        case inserted
        /// Already stored with the same content.
        case unchanged
        /// Master data (enterprise, inspector, conflict validity) replaced by the newer export.
        case updated
    }

    /// Saves row `index` of `rows`: `INSERT … ON CONFLICT DO NOTHING` bound straight from the
    /// rendered values, so a new row costs one bind per column and one step. Only a row whose key
    /// is already stored pays for more: one `SELECT EXISTS` bound the same way answers an
    /// identical row (before, an identical re-import cost about twice a first import), and only
    /// a real difference builds value arrays (an event: an error naming the differing columns;
    /// master data: an update).
    /// - Throws: `StoreError.conflictingEvent` for an event stored with different content.
    public func save(_ rows: RenderedRows, at index: Int) throws -> Outcome {
        let table = rows.table(at: index)
        let insert = try insert(table)
        let stepped = rows.withBytes { base in
            rows.bind(index, to: insert.sqliteStatement, base: base)
            let code = sqlite3_step(insert.sqliteStatement)
            sqlite3_reset(insert.sqliteStatement)
            return code == SQLITE_DONE
        }
        if !stepped {
            // Rerun through GRDB so that a failure is reported with GRDB's message.
            try insert.execute(arguments: StatementArguments(rows.values(at: index)))
        }
        // sqlite3_changes directly: GRDB's `changesCount` checks its dispatch queue first
        // (≈ 2.5 % of the writing thread's samples).
        if sqlite3_changes(db.sqliteConnection) == 1 { return .inserted }

        // Stored already: is it the same row?
        let match = try match(table)
        let same: Bool? = rows.withBytes { base in
            rows.bind(index, to: match.sqliteStatement, base: base)
            defer { sqlite3_reset(match.sqliteStatement) }
            guard sqlite3_step(match.sqliteStatement) == SQLITE_ROW else { return nil }
            return sqlite3_column_int64(match.sqliteStatement, 0) != 0
        }
        if same == true { return .unchanged }

        // A difference (or a failed query, which GRDB now reports).
        let sql = table.storeSQL
        let values = rows.values(at: index)
        let key = Array(values.prefix(table.keyCount))
        let existing = try Row.fetchOne(db.cachedStatement(sql: sql.select), arguments: StatementArguments(key))!
        let stored = Array(existing.databaseValues)
        if stored == values { return .unchanged }
        guard table.eventKind == nil else {
            let differences = zip(table.storedColumns, zip(stored, values)).filter { $1.0 != $1.1 }.map { column, pair in
                "\(column): stored '\(text(pair.0))', new '\(text(pair.1))'"
            }.joined(separator: "; ")
            throw StoreError.conflictingEvent(table: table.table, eventId: text(values[0]), differences: differences)
        }
        try db.cachedStatement(sql: sql.update)
            .execute(arguments: StatementArguments(Array(values.dropFirst(table.keyCount)) + key))
        return .updated
    }

    /// Inserts or replaces an enterprise (a later export may change its status or domains).
    @discardableResult
    public func save(_ enterprise: Enterprise) throws -> Outcome {
        var rows = RenderedRows()
        rows.append(enterprise, line: 0)
        return try save(rows, at: 0)
    }

    @discardableResult
    public func save(_ inspector: Inspector) throws -> Outcome {
        var rows = RenderedRows()
        rows.append(inspector, line: 0)
        return try save(rows, at: 0)
    }

    /// Keyed by (inspector, enterprise, reason, declared_on); `valid_until` may be updated.
    @discardableResult
    public func save(_ conflict: Conflict) throws -> Outcome {
        var rows = RenderedRows()
        rows.append(conflict, line: 0)
        return try save(rows, at: 0)
    }

    @discardableResult
    public func saveUSCCException(_ code: CreditCode) throws -> Outcome {
        var rows = RenderedRows()
        rows.appendUSCCException(code, line: 0)
        return try save(rows, at: 0)
    }

    /// Inserts an event; `.unchanged` when stored with the same content; throws
    /// `StoreError.conflictingEvent` when stored with different content.
    @discardableResult
    public func save(_ event: Event) throws -> Outcome {
        var rows = RenderedRows()
        rows.append(event, line: 0)
        return try save(rows, at: 0)
    }

    private func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case let .int64(v): return String(v)
        case let .double(v): return String(v)
        case let .string(v): return v
        case .blob: return "<blob>"
        }
    }
}
