import Foundation
@testable import Store
import GRDB
import Testing

/// `v5-drop-event-indexes` removes the six `*_by_enterprise` indexes of a store made before it
/// and touches no row.
@Suite struct DropEventIndexesMigrationTests {
    static func indexNames(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
        }
    }

    static func rows(_ path: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try ["enterprises", "complaints"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table): \($0)" }
            }
        }
    }

    @Test func aV4StoreLosesTheEventIndexesAndKeepsItsRows() throws {
        let (directory, path) = try MigratedStore.make(upTo: "v4-compact-run-rows", sql: """
                INSERT INTO enterprises VALUES ('91350100M000100072', '福州某食品有限公司', 'food', '350100', '2015-03-02', 'active', NULL, 'FZAMR', 'company');
                INSERT INTO complaints VALUES ('CMP-1', '91350100M000100072', 'food', NULL, '2024-02-01', 'yes', 'hygiene'),
                                              ('CMP-2', '91350100M000100072', 'food', '2024-03-09', '2024-03-05', 'no', 'labelling');
                """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.indexNames(path)
        #expect(Set(StoreSchema.droppedEventIndexes).isSubset(of: Set(before)))
        let rowsBefore = try Self.rows(path)
        #expect(rowsBefore.count == 3)

        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().contains("v5-drop-event-indexes"))
        // (Later migrations' own indexes aside: v6's `reason_codes`.)
        let after = try Self.indexNames(path).filter { $0 != "sqlite_autoindex_reason_codes_1" }
        #expect(after == before.filter { !StoreSchema.droppedEventIndexes.contains($0) })
        #expect(try Self.rows(path) == rowsBefore)
        #expect(try store.integrityCheck() == "ok")
        // The order forEachEvent promises still holds without the index (SQLite sorts).
        var ids: [String] = []
        try store.forEachEvent(of: .complaint) { ids.append($0.header.eventId) }
        #expect(ids == ["CMP-1", "CMP-2"])
    }
}
