import Foundation
import Store
import Testing

/// An import writes rows only: the schema (`sqlite_master`: every table, index and view with
/// its SQL, row id and root page) is the same after a first import, a re-import, a failed and a
/// killed import, and the event tables carry no secondary index since `v5-drop-event-indexes`
/// (until then a first import dropped and rebuilt them inside its transaction).
@Suite struct ImportSchemaTests {
    /// A freshly initialised store (no rows).
    static func emptyStore() throws -> String {
        let path = try CLIHarness.temporaryDirectory().appendingPathComponent("store.sqlite").path
        let result = try CLIHarness.run(["init", "--store", path])
        precondition(result.status == 0, result.stderr)
        return path
    }

    /// `sqlite_master` rows as row id|type|name|table|root page|sql.
    static func schemaRows(_ path: String) throws -> [[String]] {
        try Store.open(path: path).schema().split(separator: "\n").map { $0.split(separator: "|", maxSplits: 5, omittingEmptySubsequences: false).map(String.init) }
    }

    static let eventTables = ["licences", "penalties", "sampling_tests", "inspections", "complaints", "list_entries"]

    @Test func eventTablesHaveOnlyTheirPrimaryKeyIndex() throws {
        let rows = try Self.schemaRows(try Self.emptyStore())
        for table in Self.eventTables {
            let indexes = rows.filter { $0[1] == "index" && $0[3] == table }.map { $0[2] }
            #expect(indexes == ["sqlite_autoindex_\(table)_1"], "\(table): \(indexes)")
        }
        #expect(!rows.contains { $0[2].hasSuffix("_by_enterprise") })
    }

    @Test func firstImportAndReimportLeaveTheSchemaAsItWas() throws {
        let store = try Self.emptyStore()
        let fresh = try Self.schemaRows(store)

        let first = try CLIHarness.run(["import", "--store", store, "--extract-date", "2024-06-30"] + CLIHarness.baseFiles())
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.schemaRows(store) == fresh)
        #expect(try Store.open(path: store).integrityCheck() == "ok")

        let data = try CLIHarness.dump(store)
        let again = try CLIHarness.run(["import", "--store", store, "--extract-date", "2024-06-30"] + CLIHarness.baseFiles())
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("complaints.csv (complaints): 1 rows, 0 new, 0 updated, 1 unchanged"))
        #expect(try Self.schemaRows(store) == fresh)
        #expect(try CLIHarness.dump(store) == data)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }

    /// New events into a store whose event tables already hold rows.
    @Test func importIntoNonEmptyTablesKeepsTheSchema() throws {
        let store = try CLIHarness.baseStore()
        let before = try Self.schemaRows(store)
        let result = try CLIHarness.run(["import", "--store", store, CLIHarness.badInput.appendingPathComponent("extra/complaints_new.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.schemaRows(store) == before)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }

    /// The last file applied (conflicts) names an unknown inspector: every event row rolls
    /// back; schema (with root pages and order) and rows are as before.
    @Test func failedFirstImportLeavesSchemaAndRowsAsTheyWere() throws {
        let store = try Self.emptyStore()
        let schema = try Store.open(path: store).schema()
        let data = try CLIHarness.dump(store)
        let bad = URL(fileURLWithPath: store).deletingLastPathComponent().appendingPathComponent("conflicts_bad.csv")
        try Data("inspector_id,enterprise_id,reason,declared_on,valid_until\nI999,91350102MA2Y3K4LX1,kinship,2023-01-01,\n".utf8).write(to: bad)
        let result = try CLIHarness.run(["import", "--store", store, "--extract-date", "2024-06-30"] + CLIHarness.baseFiles() + [bad.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: conflicts_bad.csv:2: field 'inspector_id'"), "\(result.stderr)")
        #expect(try Store.open(path: store).schema() == schema)
        #expect(try CLIHarness.dump(store) == data)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }

    /// `kill -9` during a first import (rows spilled to the WAL): on the next open the store
    /// reads exactly as the empty store did, schema included.
    @Test func killedFirstImportLeavesSchemaAndRowsAsTheyWere() throws {
        let store = try Self.emptyStore()
        let schema = try Store.open(path: store).schema()
        let data = try CLIHarness.dump(store)
        let directory = URL(fileURLWithPath: store).deletingLastPathComponent()
        let enterprises = directory.appendingPathComponent("enterprises_big.csv")
        try BigFile.enterprises(count: 400_000).write(to: enterprises)
        let complaints = directory.appendingPathComponent("complaints_big.csv")
        try BigFile.complaints(count: 400_000).write(to: complaints)

        let outcome = try KilledImport.run(store: store, files: [enterprises.path, complaints.path])
        #expect(outcome.wasRunning, "the import finished before it could be killed; make the files bigger")
        #expect(outcome.killed)
        #expect(outcome.walBytes > KilledImport.walThreshold)
        #expect(try Store.open(path: store).schema() == schema)
        #expect(try CLIHarness.dump(store) == data)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }
}
