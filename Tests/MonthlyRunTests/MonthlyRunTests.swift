import Foundation
import Statistics
import Testing
import Domain
import Scoring
import Store
@testable import RiskTierKit

/// fit → model folder → score → files, on a seeded store written through the Store API.
@Suite(.serialized) struct MonthlyRunTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-monthly-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// 300 active food firms and 5 cancelled ones; seeded penalties and sampling through
    /// 2024-06-30, one inspection per firm after the training as-of date 2023-06-30.
    static func makeStore(at path: String, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let (store, _) = try Store.create(path: path)
        try store.write { writer in
            for i in 0..<305 {
                let first17 = Array("913501000000\(10_000 + i)".utf8)
                let id = CreditCode(unchecked: String(decoding: first17, as: UTF8.self) + String(CreditCode.checkCharacter(for: first17)!))
                let cancelled = i >= 300
                try writer.save(Enterprise(id: id, name: "企业\(i)", domains: [.food], district: "350100", registeredOn: date("2012-01-01"),
                                           status: cancelled ? .cancelled : .active, statusChangedOn: cancelled ? date("2022-01-01") : nil,
                                           bureauId: "FZ"))
                func header(_ tag: String) throws -> EventHeader { try EventHeader(eventId: "e\(i)-\(tag)", enterpriseId: id, domain: .food, recordedOn: nil) }
                let penalties = Int.random(in: 0...3, using: &generator)
                for k in 0..<penalties {
                    try writer.save(Event.penalty(Penalty(header: header("p\(k)"), decidedOn: date("2023-06-30").adding(days: -Int.random(in: 1..<900, using: &generator)),
                                                          decisionNo: "罚\(i)-\(k)", procedure: .ordinary, kinds: [.fine], fineFen: 100_000,
                                                          confiscatedFen: 0, heavy: false, publicityEndedOn: nil)))
                }
                let serious = Double.random(in: 0..<1, using: &generator) < 0.05 + 0.15 * Double(penalties)
                try writer.save(Event.inspection(Inspection(header: header("i"), inspectedOn: date("2023-09-01"), origin: .routine, drawId: nil,
                                                            findingsCount: serious ? 1 : 0, maxSeverity: serious ? .serious : .none,
                                                            outcome: serious ? .corrected : .noProblem, inspectorIds: ["I1"])))
                if i % 50 == 0 {
                    try writer.save(Event.listEntry(ListEntry(header: header("l"), list: .abnormalOperation, enteredOn: date("2024-01-10"),
                                                              reason: .annualReportMissing, exitedOn: nil, exitReason: nil)))
                }
                try writer.save(Event.complaint(Complaint(header: header("c"), receivedOn: date("2024-06-30"), substantiated: .no, category: "其他")))
            }
        }
    }

    @Test func fitThenScoreTwice() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let storePath = folder.appendingPathComponent("store.sqlite").path
        try Self.makeStore(at: storePath, seed: 11)
        let models = folder.appendingPathComponent("Models").path

        // t must leave 12 months of data: the newest event is 2024-06-30.
        #expect(throws: MonthlyRunError.labelWindowBeyondData(asOf: Self.date("2023-07-01"), latestEvent: Self.date("2024-06-30"), months: 12)) {
            try MonthlyRun.fit(MonthlyFitRequest(storePath: storePath, asOf: Self.date("2023-07-01"), modelId: "m1"))
        }
        let fit = try MonthlyRun.fit(MonthlyFitRequest(storePath: storePath, asOf: Self.date("2023-06-30"), modelId: "m1"))
        #expect(fit.model.rowCount == 300) // every active firm was inspected after t
        try MonthlyRun.writeModel(fit, modelsDirectory: models)
        #expect(throws: MonthlyRunError.self) { try MonthlyRun.writeModel(fit, modelsDirectory: models) }
        let modelFolder = models + "/m1"
        #expect(FileManager.default.fileExists(atPath: modelFolder + "/summary.txt"))

        let first = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: modelFolder, asOf: Self.date("2024-06-30")))
        #expect(first.assignments.count == 305)
        #expect(first.assignments.filter { $0.tier == nil }.count == 5)
        // Abnormal-list firms are at least C.
        for a in first.assignments where a.overrides.contains(.abnormalMinC) { #expect(a.tier! >= .c) }
        let out1 = folder.appendingPathComponent("run-2024-06").path
        try MonthlyRun.recordAndWrite(first, storePath: storePath, to: out1)
        let scores = try String(contentsOfFile: out1 + "/scores.csv", encoding: .utf8)
        #expect(scores.hasPrefix(MonthlyRun.scoresHeader + "\n"))
        #expect(scores.split(separator: "\n").count == 306)
        // First run: every active enterprise is a transition from nothing (inactive ones go
        // from no tier to no tier).
        #expect(try String(contentsOfFile: out1 + "/transitions.csv", encoding: .utf8).split(separator: "\n").count == 301)

        // Same inputs → same bytes.
        let again = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: modelFolder, asOf: Self.date("2024-06-30")))
        #expect(again.files.map(\.data) == first.files.map(\.data))

        // Next month with the previous run: unchanged firms are no transitions, and published
        // tiers come from the previous run.
        // (next month's export arrives: scoring may not run past the newest event's month)
        try Self.addComplaint(storePath: storePath, on: Self.date("2024-07-15"))
        let second = try MonthlyRun.score(MonthlyScoreRequest(storePath: storePath, modelPath: modelFolder, asOf: Self.date("2024-07-31"),
                                                              previousRunDirectory: out1))
        let previousTiers = Dictionary(uniqueKeysWithValues: first.assignments.map { ($0.enterpriseId, $0.tier) })
        for a in second.assignments {
            #expect(a.previousTier == previousTiers[a.enterpriseId]!)
            if let tier = a.tier, let before = a.previousTier, tier < before { Issue.record("\(a.enterpriseId) improved at once") }
        }
    }
}

extension MonthlyRunTests {
    /// A previous run's scores.csv is read from outside: its ids are checked as codes, with the
    /// file and line of the first that is not one.
    @Test func previousRunIdsAreCheckedAsCodes() throws {
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        func scores(_ ids: [String]) throws {
            let rows = ids.map { "\($0),0.01,600,A,A,A,,,,," }
            try ([MonthlyRun.scoresHeader] + rows).joined(separator: "\n").appending("\n").write(to: folder.appendingPathComponent("scores.csv"), atomically: true, encoding: .utf8)
        }
        // A lawful legacy code keeps its own check character (listed in uscc_exceptions.csv).
        try scores(["91350100M000100Y43", "91350100M000100Y44"])
        #expect(try MonthlyRun.readPreviousRun(folder.path).keys.map(\.value).sorted() == ["91350100M000100Y43", "91350100M000100Y44"])
        let path = folder.appendingPathComponent("scores.csv").path
        try scores(["91350100M000100Y43", "91350100M000100Y43-AND-MORE-THAN-A-CODE"])
        #expect(throws: MonthlyRunError.previousRun(path: path, line: 3, message: "`enterprise_id` must be a unified social credit code of 18 characters from 0-9 A-H J-N P-R T U W-Y; got '91350100M000100Y43-AND-MORE-THAN-A-CODE' (39 characters)")) {
            try MonthlyRun.readPreviousRun(folder.path)
        }
        try scores(["91350100m000100y43"])
        #expect(throws: MonthlyRunError.previousRun(path: path, line: 2, message: "`enterprise_id` must be a canonical credit code; got 91350100m000100y43")) {
            try MonthlyRun.readPreviousRun(folder.path)
        }
    }

    /// One complaint for the first enterprise of `makeStore`, dated `date` (a later export).
    static func addComplaint(storePath: String, on date: CivilDate) throws {
        let store = try Store.open(path: storePath)
        let first17 = Array("91350100000010000".utf8)
        let id = CreditCode(unchecked: String(decoding: first17, as: UTF8.self) + String(CreditCode.checkCharacter(for: first17)!))
        try store.write { writer in
            try writer.save(Event.complaint(Complaint(header: try EventHeader(eventId: "late-\(date)", enterpriseId: id, domain: .food, recordedOn: nil),
                                                      receivedOn: date, substantiated: .no, category: "其他")))
        }
    }
}
