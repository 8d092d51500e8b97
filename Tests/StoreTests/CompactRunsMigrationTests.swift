import Domain
import Foundation
@testable import Store
import GRDB
import Testing

/// `v4-compact-run-rows` carries stored runs into `run_assignments` and gives the former
/// `tier_assignments` and `tier_history` rows back through views of the same names.
@Suite struct CompactRunsMigrationTests {
    /// A store migrated up to v3 holding two runs: June (its first run: every active firm a
    /// transition from nothing, one firm inactive) and July (one firm moved down by an
    /// override, one stays, one left as a pre-v2 row without a previous tier that did move, one
    /// pre-v2 row that did not).
    static func v3Store(extraSQL: String = "") throws -> (directory: URL, path: String) {
        try MigratedStore.make(upTo: "v3-scores-in-assignments", sql: """
                INSERT INTO model_runs (run_id, model_id, as_of, input_sha256, package_version) VALUES
                    ('run-2024-07-31', 'm', '2024-07-31', 'y', '0'),
                    ('run-2024-06-30', 'm', '2024-06-30', 'x', '0');
                INSERT INTO tier_assignments (run_id, enterprise_id, model_tier, tier, override_code, reasons, drawable,
                                              proposed_tier, previous_tier, pending_runs, pending_tier, probability, points, model_reasons) VALUES
                    ('run-2024-06-30', '91350100M00010006A', 'B', 'B', NULL, 'R_PEN_12M', 1, 'B', NULL, NULL, NULL, 0.0625, 612, 'R_PEN_12M'),
                    ('run-2024-06-30', '91350100M000100072', 'A', 'A', NULL, 'R_ENTITY_AGE', 1, 'A', NULL, NULL, NULL, 0.01, 700, 'R_ENTITY_AGE'),
                    ('run-2024-06-30', '92350103L000000111', NULL, NULL, NULL, 'O_INACTIVE', 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                    ('run-2024-07-31', '91350100M00010006A', 'B', 'D', 'O_SERIOUS_LIST_D', 'O_SERIOUS_LIST_D;R_PEN_12M', 1, 'D', 'B', NULL, NULL, 0.07, 600, 'R_PEN_12M'),
                    ('run-2024-07-31', '91350100M000100072', 'A', 'A', NULL, 'R_ENTITY_AGE', 1, 'A', 'A', NULL, NULL, 0.01, 701, 'R_ENTITY_AGE'),
                    ('run-2024-07-31', '91350100M00010008X', 'C', 'C', NULL, 'R_COMPLAINTS', 1, 'C', NULL, NULL, NULL, 0.09, 560, 'R_COMPLAINTS'),
                    ('run-2024-07-31', '91350100M00010009Y', 'B', 'B', NULL, 'R_DOMAIN', 1, 'B', NULL, 2, 'A', 0.03, 640, 'R_DOMAIN');
                INSERT INTO tier_history (enterprise_id, run_id, as_of, from_tier, to_tier, cause) VALUES
                    ('91350100M00010006A', 'run-2024-06-30', '2024-06-30', NULL, 'B', 'model'),
                    ('91350100M000100072', 'run-2024-06-30', '2024-06-30', NULL, 'A', 'model'),
                    ('91350100M00010006A', 'run-2024-07-31', '2024-07-31', 'B', 'D', 'O_SERIOUS_LIST_D'),
                    ('91350100M00010008X', 'run-2024-07-31', '2024-07-31', 'B', 'C', 'model');
                """ + extraSQL)
    }

    static func rows(_ path: String, _ sql: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: "NULL"
                    case let .int64(number): "\(number)"
                    case let .double(number): "\(number)"
                    case let .string(text): text
                    case let .blob(data): "x'\(data.map { String(format: "%02x", $0) }.joined())'"
                    }
                }
            }
        }
    }

    @Test func storedRunsReadBackThroughTheViews() throws {
        let (directory, path) = try Self.v3Store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let assignmentsBefore = try Self.rows(path, "SELECT * FROM tier_assignments ORDER BY run_id, enterprise_id")
        let historyBefore = try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id")

        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().contains("v4-compact-run-rows"))
        #expect(try Self.rows(path, "SELECT run_id, run_no FROM model_runs ORDER BY run_no") == [["run-2024-06-30", "1"], ["run-2024-07-31", "2"]])
        // Every former history row, and no other.
        #expect(try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id") == historyBefore)
        // Every assignment column as before, but the previous tier of the two pre-v2 rows, which
        // now agrees with the history: 8X moved from B, 9Y did not move.
        var expected = assignmentsBefore
        for index in expected.indices where expected[index][0] == "run-2024-07-31" {
            if expected[index][1] == "91350100M00010008X" { expected[index][8] = "B" }
            if expected[index][1] == "91350100M00010009Y" { expected[index][8] = "B" }
        }
        #expect(try Self.rows(path, "SELECT * FROM tier_assignments ORDER BY run_id, enterprise_id") == expected)
        // Stored compactly: reasons only where they are not the overrides then the model's
        // (here none: since v6 the lists are packed codes, PackedRunCodesMigrationTests).
        #expect(try Self.rows(path, "SELECT enterprise_id, override_code, reasons FROM run_assignments WHERE run_no = 2 ORDER BY enterprise_id")
            == [["91350100M00010006A", "2", "NULL"], ["91350100M000100072", "NULL", "NULL"], ["91350100M00010008X", "NULL", "NULL"], ["91350100M00010009Y", "NULL", "NULL"]])
        // The readers.
        let july = try store.assignments(ofRun: "run-2024-07-31")
        #expect(july.map(\.tier) == [.d, .a, .c, .b])
        #expect(july.map(\.overrides) == [[.seriousListD], [], [], []])
        #expect(july[3].pendingImprovement == PendingImprovement(runs: 2, tier: .a))
        let history = try store.history(ofRun: "run-2024-07-31")
        #expect(history.map(\.enterpriseId.value) == ["91350100M00010006A", "91350100M00010008X"])
        #expect(history.map(\.cause) == ["O_SERIOUS_LIST_D", "model"])
    }

    /// A history row the views cannot give back (here a cause that is not the row's overrides)
    /// stops the migration; the store keeps its v3 tables and rows.
    @Test func aHistoryRowThatIsNotDerivableStopsTheMigration() throws {
        let (directory, path) = try Self.v3Store(extraSQL: """
            UPDATE tier_history SET cause = 'edited by hand' WHERE run_id = 'run-2024-06-30' AND enterprise_id = '91350100M000100072';
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id")
        #expect(throws: StoreError.self) { try Store.open(path: path) }
        #expect(try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id") == before)
        #expect(try Self.rows(path, "SELECT type FROM sqlite_master WHERE name = 'tier_history'") == [["table"]])
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'run_assignments'") == [["0"]])
    }
}
