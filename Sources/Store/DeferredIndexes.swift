import Domain
import GRDB

/// The secondary indexes of event tables that are empty when a bulk import starts: dropped inside
/// the import's transaction and created again, from the very SQL text SQLite stored for them,
/// after the rows are in and before the commit.
///
/// Why: a first import otherwise inserts every event row into its `*_by_enterprise` index in
/// enterprise order, i.e. at a random place of a growing B-tree (the rows come in event order);
/// `CREATE INDEX` instead sorts the finished table once and writes the index left to right.
/// Measured in Benchmarks/README.md "Import" (import5c).
///
/// Safe because SQLite DDL is transactional: if the import fails or the process is killed, the
/// rollback (or the discarded WAL frames) restores the indexes with everything else, and on
/// success they exist again when the transaction commits. Non-empty tables keep their indexes:
/// re-sorting a whole table to add a few rows would cost more than it saves. Only indexes with
/// SQL are touched (`sqlite_autoindex_*` of the primary keys cannot be dropped and are needed
/// for the `event_id` conflict check anyway).
struct DeferredIndexes {
    /// (index name, its `CREATE INDEX` text), in `sqlite_master` order.
    private(set) var dropped: [(name: String, sql: String)] = []

    /// Drops the secondary indexes of each table of `kinds` that holds no row. Must run inside
    /// the transaction that `recreate` closes.
    static func drop(ofEmpty kinds: Set<EventKind>, in db: Database) throws -> DeferredIndexes {
        var result = DeferredIndexes()
        for kind in EventKind.allCases where kinds.contains(kind) {
            let table = StoreColumns.table(kind)
            guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM \(table))") == true else { continue }
            let indexes = try Row.fetchAll(db, sql: """
                SELECT name, sql FROM sqlite_master
                WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid
                """, arguments: [table])
            for index in indexes {
                let name: String = index["name"]
                let sql: String = index["sql"]
                try db.execute(sql: "DROP INDEX \"\(name)\"")
                result.dropped.append((name, sql))
            }
        }
        return result
    }

    /// Creates every dropped index again, in the order they were dropped.
    func recreate(in db: Database) throws {
        for index in dropped { try db.execute(sql: index.sql) }
    }
}
