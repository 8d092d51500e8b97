import Foundation
import Testing
import Domain
import Scoring
import Store
@testable import RiskTierKit

/// Run history in the store: recording, idempotent re-runs, stability from the store, manual
/// overrides, and the bad inputs that must fail before anything is written.
@Suite(.serialized) struct RunHistoryTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// A seeded store with a fitted model m1 (as of 2023-06-30); returns (folder, store, model).
    static func prepared() throws -> (folder: URL, store: String, model: String) {
        let folder = try MonthlyRunTests.temporaryDirectory()
        let storePath = folder.appendingPathComponent("store.sqlite").path
        try MonthlyRunTests.makeStore(at: storePath, seed: 5)
        let models = folder.appendingPathComponent("Models").path
        try MonthlyRun.writeModel(try MonthlyRun.fit(MonthlyFitRequest(storePath: storePath, asOf: date("2023-06-30"), modelId: "m1")),
                                  modelsDirectory: models)
        return (folder, storePath, models + "/m1")
    }

    static func scoreAndRecord(_ store: String, _ model: String, _ asOf: String) throws -> MonthlyScoreResult {
        let result = try MonthlyRun.score(MonthlyScoreRequest(storePath: store, modelPath: model, asOf: date(asOf)))
        try MonthlyRun.record(result, asOf: date(asOf), storePath: store)
        return result
    }

    @Test func runsAreRecordedOncePerMonthAndFeedStability() throws {
        let (folder, storePath, model) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.scoreAndRecord(storePath, model, "2024-06-30")
        let store = try Store.open(path: storePath)
        let counts = try store.counts()
        #expect(counts["model_runs"] == 1)
        #expect(counts["tier_assignments"] == 305)
        #expect(counts["scores"] == nil)  // v3: scores live in tier_assignments
        #expect(counts["tier_history"] == first.assignments.filter(\.isTransition).count)
        let dumpOnce = try store.dump()

        // Same month again: the run is replaced, nothing duplicated, same bytes out.
        let again = try Self.scoreAndRecord(storePath, model, "2024-06-30")
        #expect(again.files.map(\.data) == first.files.map(\.data))
        #expect(try store.dump() == dumpOnce)

        // The stored assignments read back as what was assigned.
        let run = try #require(try store.latestRun())
        #expect(run.asOf == Self.date("2024-06-30"))
        #expect(run.modelId == "m1")
        #expect(run.inputSHA256 == first.inputSHA256 && run.inputSHA256.count == 64)
        let stored = Dictionary(uniqueKeysWithValues: try store.assignments(ofRun: run.runId).map { ($0.enterpriseId, $0) })
        #expect(stored.values.filter { $0.probability != nil }.count == 300)  // inactive firms are not scored
        for a in first.assignments {
            let s = try #require(stored[a.enterpriseId])
            #expect(s.tier == a.tier && s.modelTier == a.score?.modelTier && s.drawable == (a.tier != nil) && s.overrides == a.overrides)
            #expect(s.probability == a.score?.probability && s.points == a.score.map { Int($0.points.rounded()) })
        }

        // Next month reads the previous tiers from the store (no --previous).
        try MonthlyRunTests.addComplaint(storePath: storePath, on: Self.date("2024-07-15"))
        let second = try Self.scoreAndRecord(storePath, model, "2024-07-31")
        let previousTiers = Dictionary(uniqueKeysWithValues: first.assignments.map { ($0.enterpriseId, $0.tier) })
        for a in second.assignments {
            #expect(a.previousTier == previousTiers[a.enterpriseId]!)
            if let tier = a.tier, let before = a.previousTier, tier < before { Issue.record("\(a.enterpriseId) improved at once") }
        }
        #expect(try store.counts()["model_runs"] == 2)
        let history = try store.history(ofRun: "run-2024-07-31")
        #expect(history.count == second.assignments.filter(\.isTransition).count)

        // An earlier month after a later run is refused, and the store is unchanged.
        let before = try store.dump()
        #expect(throws: MonthlyRunError.self) { try Self.scoreAndRecord(storePath, model, "2024-05-31") }
        #expect(try store.dump() == before)
    }

    @Test func manualOverrideFromTheStoreLowersATierAtOnce() throws {
        let (folder, storePath, model) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try Self.scoreAndRecord(storePath, model, "2024-06-30")
        let target = try #require(first.assignments.first { $0.tier == .c || $0.tier == .d })
        let id = try MonthlyRun.addOverride(storePath: storePath, enterprise: target.enterpriseId.value, tier: .a, reason: "现场核查无问题",
                                            approver: "科长", from: Self.date("2024-07-01"), until: Self.date("2024-12-31"))
        #expect(id == "MO-000001")
        // Unknown enterprise and inverted dates are refused.
        #expect(throws: MonthlyRunError.self) {
            try MonthlyRun.addOverride(storePath: storePath, enterprise: "91350100MA2XXXXX0X", tier: .a, reason: "x", approver: "y",
                                       from: Self.date("2024-07-01"), until: Self.date("2024-12-31"))
        }
        #expect(throws: MonthlyRunError.self) {
            try MonthlyRun.addOverride(storePath: storePath, enterprise: target.enterpriseId.value, tier: .a, reason: "x", approver: "y",
                                       from: Self.date("2024-07-01"), until: Self.date("2024-06-01"))
        }
        try MonthlyRunTests.addComplaint(storePath: storePath, on: Self.date("2024-07-15"))
        let second = try Self.scoreAndRecord(storePath, model, "2024-07-31")
        let overridden = try #require(second.assignments.first { $0.enterpriseId == target.enterpriseId })
        #expect(overridden.tier == .a)
        #expect(overridden.overrides.contains(.manual))
        #expect(overridden.manualOverride?.approver == "科长")
        let scores = String(decoding: second.files[0].data, as: UTF8.self)
        #expect(scores.contains(target.enterpriseId.value) && scores.contains("O_MANUAL"))
    }

    /// recordAndWrite: the store commits only once the files are written, and the files appear
    /// only once the store has committed.
    @Test func recordAndWriteIsAllOrNothing() throws {
        let (folder, storePath, model) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: storePath)
        let before = try store.dump()
        let result = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: model, asOf: Self.date("2024-06-30")))

        // The output folder cannot be created (a file is in the way): no run in the store.
        let blocked = folder.appendingPathComponent("blocked")
        try Data("x".utf8).write(to: blocked)
        #expect(throws: MonthlyRunError.self) { try MonthlyRun.recordAndWrite(result, storePath: storePath, to: blocked.path) }
        #expect(try store.dump() == before)

        // The store refuses the month (a later run is stored): no file in the output folder.
        let later = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: model, asOf: Self.date("2024-06-30")))
        try MonthlyRun.record(MonthlyScoreResult(model: later.model, assignments: later.assignments, inputSHA256: later.inputSHA256,
                                                 asOf: Self.date("2024-07-31"), policy: later.policy),
                              asOf: Self.date("2024-07-31"), storePath: storePath)
        let out = folder.appendingPathComponent("out")
        #expect(throws: MonthlyRunError.self) { try MonthlyRun.recordAndWrite(result, storePath: storePath, to: out.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)

        // Both sides succeed: the same bytes as `files`, and the run is stored.
        let fresh = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: fresh.folder) }
        let good = try MonthlyRun.score(MonthlyScoreRequest(storePath: fresh.store, modelPath: fresh.model, asOf: Self.date("2024-06-30")))
        let written = fresh.folder.appendingPathComponent("run")
        try MonthlyRun.recordAndWrite(good, storePath: fresh.store, to: written.path)
        for file in good.files {
            #expect(try Data(contentsOf: written.appendingPathComponent(file.name)) == file.data)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: written.path).sorted() == ["run.json", "scores.csv", "transitions.csv"])
        #expect(try Store.open(path: fresh.store).latestRun()?.asOf == Self.date("2024-06-30"))
    }

    @Test func badInputFailsBeforeAnythingIsWritten() throws {
        let (folder, storePath, model) = try Self.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Store.open(path: storePath)
        let before = try store.dump()

        // As-of date after the data (newest event 2024-06-30).
        #expect(throws: MonthlyRunError.asOfAfterData(asOf: Self.date("2024-07-01"), latestEvent: Self.date("2024-06-30"))) {
            try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: model, asOf: Self.date("2024-07-01")))
        }
        // A store that was never imported.
        let empty = folder.appendingPathComponent("empty.sqlite").path
        _ = try Store.create(path: empty)
        #expect(throws: MonthlyRunError.notImported(path: empty)) {
            try MonthlyRun.score(MonthlyScoreRequest(storePath: empty, modelPath: model, asOf: Self.date("2024-06-30")))
        }
        // A model with a feature the store cannot supply.
        let json = try String(contentsOfFile: model + "/model.json", encoding: .utf8)
        #expect(json.contains("\"pen_count_36m\""))
        let broken = folder.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try json.replacingOccurrences(of: "\"pen_count_36m\"", with: "\"pen_count_99m\"")
            .write(to: broken.appendingPathComponent("model.json"), atomically: true, encoding: .utf8)
        #expect(throws: MonthlyRunError.self) {
            try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: broken.path, asOf: Self.date("2024-06-30")))
        }
        // Unknown policy key and decreasing rates.
        let unknownKey = folder.appendingPathComponent("unknown.json")
        try #"{"rates_bp": {"A": 300, "B": 500, "C": 1000, "D": 3000}, "colour": "red"}"#.write(to: unknownKey, atomically: true, encoding: .utf8)
        #expect(throws: MonthlyRunError.self) { try MonthlyRun.loadPolicy(unknownKey.path) }
        let decreasing = folder.appendingPathComponent("decreasing.json")
        try #"{"rates_bp": {"A": 300, "B": 500, "C": 200, "D": 3000}}"#.write(to: decreasing, atomically: true, encoding: .utf8)
        #expect(throws: MonthlyRunError.self) { try MonthlyRun.loadPolicy(decreasing.path) }
        // Nothing recorded.
        #expect(try store.dump() == before)
    }
}
