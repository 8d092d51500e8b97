import Foundation
import Store
import Testing

/// A first import (event tables empty) drops the `*_by_enterprise` indexes inside its transaction
/// and builds them after the rows (`DeferredIndexes`): the indexes must exist, with their
/// migration's SQL and matching their tables, after every import, and a failed or killed first
/// import must leave the store exactly as it was, schema included.
@Suite struct FirstImportIndexTests {
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

    /// The definitions without the root pages and in name order: what must be equal after an import.
    static func definitions(_ rows: [[String]]) -> [String] {
        rows.map { "\($0[1])|\($0[2])|\($0[3])|\($0[5])" }.sorted()
    }

    /// The row id of `name` in `sqlite_master`: a dropped and re-created index gets a new one
    /// (its root page may well be the same: SQLite reuses the freed page).
    static func rowId(_ rows: [[String]], of name: String) -> String? {
        rows.first { $0[2] == name }?[0]
    }

    static let eventIndexes = ["licences_by_enterprise", "penalties_by_enterprise", "sampling_tests_by_enterprise",
                               "inspections_by_enterprise", "complaints_by_enterprise", "list_entries_by_enterprise"]

    @Test func firstImportRebuildsTheIndexesAndAReimportKeepsThem() throws {
        let store = try Self.emptyStore()
        let fresh = try Self.schemaRows(store)
        #expect(Set(Self.eventIndexes).isSubset(of: Set(fresh.map { $0[2] })))

        let first = try CLIHarness.run(["import", "--store", store, "--extract-date", "2024-06-30"] + CLIHarness.baseFiles())
        #expect(first.status == 0, "\(first.stderr)")
        let afterFirst = try Self.schemaRows(store)
        // Same tables and indexes with the migrations' SQL, and each index matches its table.
        #expect(Self.definitions(afterFirst) == Self.definitions(fresh))
        #expect(try Store.open(path: store).integrityCheck() == "ok")
        // The first import built each event index anew (dropped and created: a new row id).
        for name in Self.eventIndexes {
            #expect(Self.rowId(afterFirst, of: name) != nil)
            #expect(Self.rowId(afterFirst, of: name) != Self.rowId(fresh, of: name), "\(name)")
        }

        let data = try CLIHarness.dump(store)
        let again = try CLIHarness.run(["import", "--store", store, "--extract-date", "2024-06-30"] + CLIHarness.baseFiles())
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("complaints.csv (complaints): 1 rows, 0 new, 0 updated, 1 unchanged"))
        // Non-empty tables keep their indexes untouched: same rows of sqlite_master (ids, pages).
        #expect(try Self.schemaRows(store) == afterFirst)
        #expect(try CLIHarness.dump(store) == data)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }

    /// New events into a store whose event tables already hold rows: rows go through the
    /// indexes as before, which still match.
    @Test func importIntoNonEmptyTablesKeepsTheIndexes() throws {
        let store = try CLIHarness.baseStore()
        let before = try Self.schemaRows(store)
        let result = try CLIHarness.run(["import", "--store", store, CLIHarness.badInput.appendingPathComponent("extra/complaints_new.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.schemaRows(store) == before)
        #expect(try Store.open(path: store).integrityCheck() == "ok")
    }

    /// The last file applied (conflicts) names an unknown inspector: every event row and the
    /// dropped indexes roll back; schema (with root pages and order) and rows are as before.
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

    /// `kill -9` during a first import (indexes dropped, rows spilled): on the next open the store
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
