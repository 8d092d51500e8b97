import Foundation
import Testing
import Domain
import Store
@testable import RiskTierKit

/// `scoreRecordAndWrite`: the assignments go to the store's thread in chunks while the firms
/// are scored. Chunks of 7 firms here (305 firms: 44 chunks, more than the channel's 4 in
/// flight, so the scoring thread also waits for the store's).
@Suite(.serialized) struct StreamedRecordingTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static func streamed(_ store: String, _ model: String, _ asOf: String, to out: URL) throws -> MonthlyScoreResult {
        try MonthlyRun.scoreRecordAndWrite(MonthlyScoreRequest(storePath: store, modelPath: model, asOf: date(asOf)), to: out.path,
                                           channel: AssignmentChannel(chunkSize: 7))
    }

    static func files(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    @Test func theSameStoreAndFilesAsScoringThenRecording() throws {
        let (folder, storePath, model) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: storePath)

        let first = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: model, asOf: Self.date("2024-06-30")))
        let unstreamed = folder.appendingPathComponent("unstreamed")
        try MonthlyRun.recordAndWrite(first, storePath: storePath, to: unstreamed.path)
        let dump = try store.dump()

        // The same month again, streamed: it replaces the run with the same rows and files.
        let streamedOut = folder.appendingPathComponent("streamed")
        let again = try Self.streamed(storePath, model, "2024-06-30", to: streamedOut)
        #expect(again.files.map(\.data) == first.files.map(\.data))
        #expect(try Self.files(streamedOut) == Self.files(unstreamed))
        #expect(try store.dump() == dump)
        #expect(try store.assignments(ofRun: "run-2024-06-30").count == 305)
        // Its summary is the one its firms give, as the unstreamed run's.
        #expect(again.summary == MonthlyRunSummary(again.assignments) && first.summary == again.summary)

        // The next month, streamed: its stored history is its transitions.
        try MonthlyRunTests.addComplaint(storePath: storePath, on: Self.date("2024-07-15"))
        let second = try Self.streamed(storePath, model, "2024-07-31", to: folder.appendingPathComponent("july"))
        let transitions = second.assignments.filter(\.isTransition)
        let history = try store.history(ofRun: "run-2024-07-31")
        #expect(history.map(\.enterpriseId) == transitions.map(\.enterpriseId))
        #expect(history.map(\.to) == transitions.map(\.tier) && history.map(\.from) == transitions.map(\.previousTier))
        #expect(try store.latestRun()?.transitions == transitions.count)
    }

    @Test func anyFailureLeavesNeitherRunNorFiles() throws {
        let (folder, storePath, model) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: storePath)
        let before = try store.dump()

        // Scoring fails (the as-of date is after the data): nothing recorded, no folder.
        let out = folder.appendingPathComponent("out")
        #expect(throws: MonthlyRunError.self) { try Self.streamed(storePath, model, "2031-01-31", to: out) }
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try store.dump() == before)

        // The output folder cannot be created (a file is in the way): no run in the store.
        let blocked = folder.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        #expect(throws: MonthlyRunError.self) { try Self.streamed(storePath, model, "2024-06-30", to: blocked) }
        #expect(try store.dump() == before)

        // The store refuses the month (a later run is stored): no file in the output folder.
        try MonthlyRunTests.addComplaint(storePath: storePath, on: Self.date("2024-07-15"))
        _ = try Self.streamed(storePath, model, "2024-07-31", to: folder.appendingPathComponent("july"))
        let afterJuly = try store.dump()
        #expect(throws: MonthlyRunError.self) { try Self.streamed(storePath, model, "2024-06-30", to: out) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        #expect(try store.dump() == afterJuly)
    }

    /// The run's rows are inserted 32 to a statement with `OR FAIL` (no statement journal): a
    /// failing row in the middle of a group — here a firm given twice, a primary-key clash —
    /// still fails the whole run and leaves the store as it was.
    @Test func aRowThatFailsInsideAGroupRecordsNothing() throws {
        let (folder, storePath, model) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: model, asOf: Self.date("2024-06-30")))
        #expect(result.assignments.count > 64)
        let store = try Store.open(path: storePath)
        let before = try store.dump()
        var assignments = result.assignments
        assignments.insert(assignments[40], at: 41)
        let error = #expect(throws: StoreError.self) {
            try store.recordRun(MonthlyRun.storedRun(result, asOf: Self.date("2024-06-30")), assignments: assignments, drawable: { $0.tier != nil })
        }
        #expect(error?.description.contains("UNIQUE constraint failed: run_assignments.run_no, run_assignments.enterprise_id") == true)
        #expect(try store.dump() == before)
        // The same rows once each are recorded.
        try store.recordRun(MonthlyRun.storedRun(result, asOf: Self.date("2024-06-30")), assignments: result.assignments, drawable: { $0.tier != nil })
        #expect(try store.dump() != before)
    }
}
