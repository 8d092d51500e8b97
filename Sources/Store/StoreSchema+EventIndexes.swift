import GRDB

extension StoreSchema {
    /// The event tables' secondary indexes of v1 (`*_by_enterprise`, on enterprise id and event
    /// date), which `v5-drop-event-indexes` removes.
    static let droppedEventIndexes = [
        "licences_by_enterprise", "penalties_by_enterprise", "sampling_tests_by_enterprise",
        "inspections_by_enterprise", "complaints_by_enterprise", "list_entries_by_enterprise",
    ]

    /// `v5-drop-event-indexes`: nothing the engine runs needs an event in enterprise order. The
    /// monthly scan reads every table in storage order, the draw freeze's licence and inspection
    /// passes are order-free, and the import's list spells (≈ 4 % of the event rows) are sorted
    /// by SQLite's sorter. The indexes cost every import: a first import of the 10⁶-firm city
    /// built them in ≈ 5 s with its writing thread alone (its critical path), and every event row
    /// of a later import went into one at a random place; they were 112 MB of a 737 MB store,
    /// written twice under WAL. Measured without them (same binary, indexes dropped by hand):
    /// 16.5 s → 12.9 s for that import; Benchmarks/README.md "Import", session 5.
    /// An ad-hoc `WHERE enterprise_id = ?` over an event table now scans it (0.25–0.4 s in the
    /// `sqlite3` shell for the licences or inspections of the 10⁶-firm city); the event_id
    /// primary keys stay, for idempotent re-imports and clash detection.
    static func registerDropEventIndexes(_ migrator: inout DatabaseMigrator) {
        // (`.immediate`: the deferred default ends with a foreign-key check of the whole store,
        // 10 s at 10⁶ firms; dropping an index cannot break a foreign key.)
        migrator.registerMigration("v5-drop-event-indexes", foreignKeyChecks: .immediate) { db in
            for index in droppedEventIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index)") }
        }
    }
}
