import CSQLiteSettings
import Domain
import Foundation
import GRDB

/// The embedded SQLite store (WAL). The only module that touches a database; all SQL lives here.
public final class Store: @unchecked Sendable {
    // NOTE: @unchecked because DatabasePool is itself thread-safe; Store adds no mutable state.
    let pool: DatabasePool
    public let path: String

    /// SQLite's process-wide settings, applied once, before this process's first store opens a
    /// connection: memory statistics off (`CSQLiteSettings`; the global mutex they take on every
    /// SQLite malloc and free was ≈ 5 % of the import's writing thread, `perf` at 10⁶ firms).
    private static let sqliteSettings: Int32 = risktier_sqlite_disable_memstatus()

    /// The page size of a store created by this version, 64 KiB (SQLite's default is 4 KiB):
    /// fewer pages to read, step through and write for the same rows. On the 10⁶-firm city
    /// (VACUUMed copies of one store, interleaved `risktier score` runs, medians of 3): 4 KiB
    /// 6.99 s, 16 KiB 6.04 s, 64 KiB 5.88 s wall (user CPU 8.67 → 7.59 → 7.31 s); a first
    /// import 22.5 → 22.0 → 20.7 s (CPU 34.6 → 32.7 → 31.3 s, 2 runs each). A store created
    /// before keeps its page size (SQLite changes it only by a VACUUM outside WAL mode; the
    /// README says how).
    static let pageSize = 65_536

    private init(path: String) throws(StoreError) {
        _ = Store.sqliteSettings
        self.path = path
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            // Another process's brief lock (its last connection checkpointing the WAL as it
            // closes, a commit) is waited for rather than failing at once with "database is
            // locked", which GRDB's default does: one `risktier` command right after another on
            // the same store failed so about one full test run in four on this machine
            // (OverrideCLITests, `score` right after `override add`). A lock held longer (an
            // import in progress) still fails, after 10 s.
            configuration.busyMode = .timeout(10)
            // A new store's page size (`pageSize`); no effect on a store that exists already.
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = \(Store.pageSize)") }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.database(message: "cannot open '\(path)': \(error)")
        }
    }

    /// Creates the store if needed and applies every pending migration (`risktier init`).
    /// Returns the store and the names of the migrations applied now.
    public static func create(path: String) throws(StoreError) -> (store: Store, applied: [String]) {
        let store = try Store(path: path)
        let applied = try store.migrate()
        return (store, applied)
    }

    /// Opens an existing store, applying pending migrations (they are forward-only and additive).
    public static func open(path: String) throws(StoreError) -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
        let store = try Store(path: path)
        _ = try store.migrate()
        return store
    }

    private func migrate() throws(StoreError) -> [String] {
        try run {
            let migrator = StoreSchema.migrator
            let before = try pool.read { try migrator.appliedIdentifiers($0) }
            try migrator.migrate(pool)
            let after = try pool.read { try migrator.appliedIdentifiers($0) }
            return migrator.migrations.filter { after.contains($0) && !before.contains($0) }
        }
    }

    /// Names of the migrations applied to this store, in order.
    public func appliedMigrations() throws(StoreError) -> [String] {
        try run {
            let applied = try pool.read { try StoreSchema.migrator.appliedIdentifiers($0) }
            return StoreSchema.migrator.migrations.filter { applied.contains($0) }
        }
    }

    /// Runs `body` in one write transaction: if it throws, nothing it did is kept.
    public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        do {
            return try pool.write { db in try body(StoreWriter(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError.database(message: "\(error)")
        }
    }

    /// `write` for a bulk import: one transaction as well (if `body` throws, nothing is kept),
    /// with two settings of the writing connection changed for its duration:
    /// - SQLite's foreign-key checks are off. `Ingest` already checks every reference an import
    ///   makes (an event's or conflict's enterprise, a conflict's inspector) against the store
    ///   and the same import, and an import never deletes; the check cost a B-tree search per
    ///   event row. (The PRAGMA has no effect inside a transaction, hence its place.)
    /// - A page cache of 16 MiB instead of SQLite's 2 MiB, so that interior B-tree pages are
    ///   spilled to the WAL less often. Bounded, whatever the import's size; small enough that
    ///   a large import still spills to the WAL long before its commit (the kill -9 test).
    /// Neither touches durability: journal mode (WAL) and synchronous are unchanged.
    /// (Until v5 the event tables' secondary indexes were dropped here for a first import and
    /// built after the rows; since `v5-drop-event-indexes` there are none.)
    public func importWrite<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -16384")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA cache_size = -2000") }
                var result: T?
                try db.inTransaction {
                    result = try body(StoreWriter(db: db))
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError {
            throw StoreError.database(message: "\(error)")
        }
    }

    func run<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.database(message: "\(error)")
        }
    }

    /// Every row of every table as text, tables in a fixed order and rows by primary key: two
    /// stores with the same dump hold the same data. Used by tests ("the store is unchanged").
    public func dump() throws(StoreError) -> String {
        try run {
            try pool.read { db in
                var out = ""
                for table in StoreSchema.tables {
                    out += "## \(table)\n"
                    // (The run views have no primary key: by run and enterprise.)
                    let keyColumns = try db.tableExists(table) ? try db.primaryKey(table).columns : ["run_id", "enterprise_id"]
                    let order = keyColumns.map { "\"\($0)\"" }.joined(separator: ", ")
                    let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(order)")
                    while let row = try rows.next() {
                        out += row.databaseValues.map { value in
                            value.isNull ? "NULL" : "\(value)"
                        }.joined(separator: "|")
                        out += "\n"
                    }
                }
                return out
            }
        }
    }

    /// Row counts per table.
    public func counts() throws(StoreError) -> [String: Int] {
        try run {
            try pool.read { db in
                var counts: [String: Int] = [:]
                for table in StoreSchema.tables {
                    counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                }
                return counts
            }
        }
    }
}
