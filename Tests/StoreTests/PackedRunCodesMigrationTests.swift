import Domain
import Foundation
@testable import Store
import GRDB
import Testing

/// `v6-packed-run-codes` stores a run row's code lists as packed integers (`StoredCodes`) and
/// gives them back as text through the views; the numbers are in `reason_codes`.
@Suite struct PackedRunCodesMigrationTests {
    /// A store at v5 holding one run (number 1): a firm with the model's reasons only, one moved
    /// to D by two overrides, an inactive one, one scored with no reason, one with five overrides
    /// (no room left for model reasons), and one whose stored reasons are not the derived ones
    /// (written by hand: they must survive as they are).
    static func v5Store(extraSQL: String = "") throws -> (directory: URL, path: String) {
        try MigratedStore.make(upTo: "v5-drop-event-indexes", sql: """
                INSERT INTO model_runs (run_id, model_id, as_of, input_sha256, package_version, run_no) VALUES
                    ('run-2024-06-30', 'm', '2024-06-30', 'x', '0', 1);
                INSERT INTO run_assignments (run_no, enterprise_id, model_tier, tier, override_code, reasons, drawable,
                                             proposed_tier, previous_tier, pending_runs, pending_tier, probability, points, model_reasons) VALUES
                    (1, '91350100M00010006A', 'B', 'B', NULL, NULL, 1, 'B', NULL, NULL, NULL, 0.0625, 612, 'R_PEN_12M;R_DOMAIN;R_SAMP_FAIL;R_NOT_INSPECTED'),
                    (1, '91350100M000100072', 'B', 'D', 'O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C', 'O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C;R_PEN_12M;R_DOMAIN', 1, 'D', 'C', NULL, NULL, 0.07, 600, 'R_PEN_12M;R_DOMAIN;R_COMPLAINTS'),
                    (1, '92350103L000000111', NULL, NULL, 'O_INACTIVE', 'O_INACTIVE', 0, NULL, 'A', NULL, NULL, NULL, NULL, NULL),
                    (1, '91350100M00010008X', 'A', 'A', NULL, NULL, 1, 'A', 'A', 2, 'A', 0.01, 700, ''),
                    (1, '91350100M00010009Y', 'C', 'A', 'O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C;O_HEAVY_PENALTY_MIN_C;O_NEW_NO_HISTORY_B;O_MANUAL',
                        'O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C;O_HEAVY_PENALTY_MIN_C;O_NEW_NO_HISTORY_B', 1, 'A', 'D', NULL, NULL, 0.2, 500, 'R_ENTITY_AGE'),
                    (1, '91350100M00010010D', 'B', 'B', NULL, 'R_LICENCE_LAPSED', 1, 'B', 'B', NULL, NULL, 0.05, 620, 'R_DOMAIN');
                """ + extraSQL)
    }

    static let rows = CompactRunsMigrationTests.rows

    @Test func storedRunsReadBackThroughTheViewsExactly() throws {
        let (directory, path) = try Self.v5Store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let assignmentsBefore = try Self.rows(path, "SELECT * FROM tier_assignments ORDER BY run_id, enterprise_id")
        let historyBefore = try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id")
        #expect(historyBefore.count == 4)

        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().contains("v6-packed-run-codes"))
        #expect(try Self.rows(path, "SELECT * FROM tier_assignments ORDER BY run_id, enterprise_id") == assignmentsBefore)
        #expect(try Self.rows(path, "SELECT * FROM tier_history ORDER BY run_id, enterprise_id") == historyBefore)
        // Packed: 6 bits a code, the first lowest; `reasons` NULL but for the hand-written row.
        // (O_SERIOUS_LIST_D 2, O_ABNORMAL_MIN_C 3, O_INACTIVE 1, R_PEN_12M 7, R_DOMAIN 23,
        // R_SAMP_FAIL 13, R_NOT_INSPECTED 26, R_LICENCE_LAPSED 25.)
        func packed(_ numbers: Int...) -> String {
            var value = 0
            for (slot, number) in numbers.enumerated() { value += number << (6 * slot) }
            return String(value)
        }
        let expected: [[String]] = [
            ["91350100M00010006A", "NULL", "NULL", packed(7, 23, 13, 26)],
            ["91350100M000100072", packed(2, 3), "NULL", packed(7, 23, 18)],
            ["91350100M00010008X", "NULL", "NULL", "0"],
            ["91350100M00010009Y", packed(2, 3, 4, 5, 6), "NULL", packed(21)],
            ["91350100M00010010D", "NULL", packed(25), packed(23)],
            ["92350103L000000111", packed(1), "NULL", "NULL"],
        ]
        #expect(try Self.rows(path, "SELECT enterprise_id, override_code, reasons, model_reasons FROM run_assignments ORDER BY enterprise_id") == expected)
        #expect(try Self.rows(path, "SELECT code_no, code, kind, text_en FROM reason_codes WHERE code_no IN (1, 7, 26) ORDER BY code_no") == [
            ["1", "O_INACTIVE", "override", OverrideCode.inactive.englishText],
            ["7", "R_PEN_12M", "reason", ReasonCode.penalties12m.englishText],
            ["26", "R_NOT_INSPECTED", "reason", ReasonCode.notInspected.englishText],
        ])
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM reason_codes") == [["\(OverrideCode.allCases.count + ReasonCode.allCases.count)"]])
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'run_assignments_v5'") == [["0"]])
        // The reader decodes the packed overrides.
        let run = try store.assignments(ofRun: "run-2024-06-30")
        #expect(run.map(\.enterpriseId.value) == ["91350100M00010006A", "91350100M000100072", "91350100M00010008X", "91350100M00010009Y",
                                                  "91350100M00010010D", "92350103L000000111"])
        #expect(run.map(\.overrides) == [[], [.seriousListD, .abnormalMinC], [], [.seriousListD, .abnormalMinC, .heavyPenaltyMinC, .newNoHistoryB, .manual],
                                         [], [.inactive]])
        #expect(run[2].pendingImprovement == PendingImprovement(runs: 2, tier: .a))
        #expect(try store.history(ofRun: "run-2024-06-30").map(\.cause) == ["model", "O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C", "O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C;O_HEAVY_PENALTY_MIN_C;O_NEW_NO_HISTORY_B;O_MANUAL", "O_INACTIVE"])
    }

    /// A stored code RiskTier does not know stops the migration, naming the row; the store keeps
    /// its v5 table and views.
    @Test func anUnknownStoredCodeStopsTheMigration() throws {
        let (directory, path) = try Self.v5Store(extraSQL: """
            UPDATE run_assignments SET model_reasons = 'R_PEN_12M;R_BY_HAND' WHERE enterprise_id = '91350100M00010008X';
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.rows(path, "SELECT * FROM run_assignments ORDER BY run_no, enterprise_id")
        let error = #expect(throws: StoreError.self) { try Store.open(path: path) }
        #expect(error?.description.contains("91350100M00010008X") == true)
        #expect(error?.description.contains("R_BY_HAND") == true)
        #expect(try Self.rows(path, "SELECT * FROM run_assignments ORDER BY run_no, enterprise_id") == before)
        #expect(try Self.rows(path, "SELECT type FROM sqlite_master WHERE name IN ('tier_assignments', 'tier_history') ORDER BY name") == [["view"], ["view"]])
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reason_codes'") == [["0"]])
    }

    /// A row whose former view gave NULL reasons (no model reasons, none stored: only a hand edit
    /// makes one) cannot be given back by the new views: the migration stops.
    @Test func aRowTheViewsCannotGiveBackStopsTheMigration() throws {
        let (directory, path) = try Self.v5Store(extraSQL: """
            UPDATE run_assignments SET reasons = NULL WHERE enterprise_id = '92350103L000000111';
            """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = #expect(throws: StoreError.self) { try Store.open(path: path) }
        #expect(error?.description.contains("cannot be carried over to `tier_assignments`") == true)
        #expect(try Self.rows(path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'reason_codes'") == [["0"]])
    }
}

/// The stored numbers and the packing (`StoredCodes`).
@Suite struct StoredCodesTests {
    /// The numbers are part of the store's format: every code has one, no two share one, and
    /// they never change (a stored list means the same in every later version).
    @Test func everyCodeHasItsFixedNumber() {
        #expect(OverrideCode.allCases.map(\.storeNumber) == Array(1...6))
        #expect(ReasonCode.allCases.map(\.storeNumber) == Array(7...26))
        #expect(OverrideCode.allCases.map(\.rawValue) == ["O_INACTIVE", "O_SERIOUS_LIST_D", "O_ABNORMAL_MIN_C", "O_HEAVY_PENALTY_MIN_C", "O_NEW_NO_HISTORY_B", "O_MANUAL"])
        #expect(StoredCodes.all.map(\.reason.code) == OverrideCode.allCases.map(\.rawValue) + ReasonCode.allCases.map(\.rawValue))
    }

    @Test func listsRoundTrip() {
        let lists: [[AssignmentReason]] = [[], [.override(.inactive)], [.model(.notInspected)],
                                           [.override(.seriousListD), .override(.manual), .model(.domain), .model(.complaints)],
                                           Array(repeating: .model(.notInspected), count: StoredCodes.capacity)]
        for list in lists {
            #expect(StoredCodes.unpack(StoredCodes.pack(list)).map(Array.init) == list)
        }
        #expect(StoredCodes.unpack(27) == nil)
        #expect(StoredCodes.unpack(7 | 40 << 6) == nil)
        #expect(StoredCodes.unpack(-1) == nil)
        // Eleven known codes (R_PEN_12M, number 7, in every slot; the eleventh in bits 60–62):
        // more than a list holds.
        #expect(StoredCodes.unpack((0...10).reduce(0) { $0 | 7 << (6 * $1) }) == nil)
        #expect(StoredCodes.unpack((0...9).reduce(0) { $0 | 7 << (6 * $1) })?.count == 10)
    }

    /// The derived reasons are TierAssigner's list (overrides first, then the model's, at most
    /// four), and the views' SQL computes the same integer as Swift.
    @Test func derivedReasonsAgreeInSwiftAndSQL() throws {
        let overrideLists: [[OverrideCode]] = [[], [.inactive], [.seriousListD, .abnormalMinC], [.seriousListD, .abnormalMinC, .heavyPenaltyMinC],
                                               [.seriousListD, .abnormalMinC, .heavyPenaltyMinC, .newNoHistoryB],
                                               [.seriousListD, .abnormalMinC, .heavyPenaltyMinC, .newNoHistoryB, .manual]]
        let reasonLists: [[ReasonCode]] = [[], [.penalties12m], [.domain, .complaints, .notInspected, .entityAge], [.newEntity, .domain]]
        let queue = try DatabaseQueue()
        for overrides in overrideLists {
            for reasons in reasonLists {
                let expected = Array((overrides.map(AssignmentReason.override) + reasons.map(AssignmentReason.model)).prefix(4))
                let o = StoredCodes.pack(overrides), m = StoredCodes.pack(reasons)
                let derived = StoredCodes.derivedReasons(overrides: o, modelReasons: m)
                #expect(StoredCodes.unpack(derived).map(Array.init) == expected)
                let sql = try queue.read { db in
                    try Int.fetchOne(db, sql: "SELECT \(StoredCodes.derivedReasonsSQL) FROM (SELECT ? AS override_code, ? AS model_reasons) a",
                                     arguments: [overrides.isEmpty ? nil : o, m])
                }
                #expect(sql == derived, "\(overrides) \(reasons)")
            }
        }
    }
}

/// What `recordRun` writes since v6: packed lists, `reasons` only where they are not derivable,
/// and the views giving the lists back as text.
@Suite struct PackedRunRowsTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func scored(_ id: String, _ tier: Tier, reasons: CodeList<ReasonCode>) -> ScoredEnterprise {
        ScoredEnterprise(enterpriseId: CreditCode(unchecked: id), linearPredictor: -2, probability: 0.119_202_922_022_117_57, points: 612.4,
                         modelTier: tier, reasons: reasons)
    }

    @Test func recordedRowsArePackedAndReadBackAsText() throws {
        let (directory, path) = try MigratedStore.make(upTo: "v6-packed-run-codes", sql: "")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store.open(path: path)
        let asOf = Self.date("2024-06-30")
        let assignments = [
            // The model's reasons only: `reasons` NULL.
            TierAssignment(enterpriseId: CreditCode(unchecked: "91350100M00010006A"), asOf: asOf,
                           score: Self.scored("91350100M00010006A", .b, reasons: [.domain, .complaints]), overrides: [], manualOverride: nil,
                           proposedTier: .b, tier: .b, previousTier: nil, pendingImprovement: nil, reasons: [.model(.domain), .model(.complaints)]),
            // Overrides first, cut at four: derivable, NULL.
            TierAssignment(enterpriseId: CreditCode(unchecked: "91350100M000100072"), asOf: asOf,
                           score: Self.scored("91350100M000100072", .b, reasons: [.domain, .complaints, .entityAge]),
                           overrides: [.seriousListD, .abnormalMinC], manualOverride: nil, proposedTier: .d, tier: .d, previousTier: .c,
                           pendingImprovement: nil, reasons: [.override(.seriousListD), .override(.abnormalMinC), .model(.domain), .model(.complaints)]),
            // Reasons that are not the derived ones (a hand-made assignment): stored as they are.
            TierAssignment(enterpriseId: CreditCode(unchecked: "91350100M00010008X"), asOf: asOf,
                           score: Self.scored("91350100M00010008X", .a, reasons: []), overrides: [], manualOverride: nil,
                           proposedTier: .a, tier: .b, previousTier: .b, pendingImprovement: PendingImprovement(runs: 1, tier: .a),
                           reasons: [.model(.notInspected)]),
            // Inactive: no score, its override is its reason.
            TierAssignment(enterpriseId: CreditCode(unchecked: "92350103L000000111"), asOf: asOf, score: nil, overrides: [.inactive],
                           manualOverride: nil, proposedTier: nil, tier: nil, previousTier: .a, pendingImprovement: nil, reasons: [.override(.inactive)]),
        ]
        let run = StoredRun(runId: "run-2024-06-30", modelId: "m", asOf: asOf, inputSHA256: "x", packageVersion: "0", modelSHA256: "y",
                            tierCounts: "", transitions: 3)
        try store.recordRun(run, assignments: assignments, drawable: { $0.tier != nil })

        let rows = CompactRunsMigrationTests.rows
        #expect(try rows(path, "SELECT enterprise_id, model_tier, tier, override_code, reasons, drawable, proposed_tier, previous_tier, pending_runs, pending_tier, points, model_reasons FROM run_assignments ORDER BY enterprise_id") == [
            ["91350100M00010006A", "B", "B", "NULL", "NULL", "1", "B", "NULL", "NULL", "NULL", "612", "\(23 | 18 << 6)"],
            ["91350100M000100072", "B", "D", "\(2 | 3 << 6)", "NULL", "1", "D", "C", "NULL", "NULL", "612", "\(23 | 18 << 6 | 21 << 12)"],
            ["91350100M00010008X", "A", "B", "NULL", "26", "1", "A", "B", "1", "A", "612", "0"],
            ["92350103L000000111", "NULL", "NULL", "1", "NULL", "0", "NULL", "A", "NULL", "NULL", "NULL", "NULL"],
        ])
        #expect(try rows(path, "SELECT enterprise_id, override_code, reasons, model_reasons, probability FROM tier_assignments ORDER BY enterprise_id") == [
            ["91350100M00010006A", "NULL", "R_DOMAIN;R_COMPLAINTS", "R_DOMAIN;R_COMPLAINTS", "0.11920292202211757"],
            ["91350100M000100072", "O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C", "O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C;R_DOMAIN;R_COMPLAINTS", "R_DOMAIN;R_COMPLAINTS;R_ENTITY_AGE", "0.11920292202211757"],
            ["91350100M00010008X", "NULL", "R_NOT_INSPECTED", "", "0.11920292202211757"],
            ["92350103L000000111", "O_INACTIVE", "O_INACTIVE", "NULL", "NULL"],
        ])
        #expect(try rows(path, "SELECT enterprise_id, from_tier, to_tier, cause FROM tier_history ORDER BY enterprise_id") == [
            ["91350100M00010006A", "NULL", "B", "model"],
            ["91350100M000100072", "C", "D", "O_SERIOUS_LIST_D;O_ABNORMAL_MIN_C"],
            ["92350103L000000111", "A", "NULL", "O_INACTIVE"],
        ])
        // And the reader.
        let stored = try store.assignments(ofRun: "run-2024-06-30")
        #expect(stored.map(\.overrides) == [[], [.seriousListD, .abnormalMinC], [], [.inactive]])
        #expect(stored.map(\.tier) == [.b, .d, .b, nil])
        #expect(stored[2].pendingImprovement == PendingImprovement(runs: 1, tier: .a))
    }
}
