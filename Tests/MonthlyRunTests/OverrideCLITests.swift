import Foundation
import Testing

/// `risktier override add` through the built binary: stored, printed, refused on bad input, and
/// applied by the next `risktier score` as O_MANUAL.
@Suite(.serialized) struct OverrideCLITests {
    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try MonthlyCLITests.run(arguments, in: directory)
    }

    /// scores.csv rows keyed by enterprise id, split on commas (no field is quoted).
    static func rows(_ url: URL) throws -> [String: [String]] {
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return Dictionary(uniqueKeysWithValues: lines.dropFirst().map { ($0[0], $0) })
    }

    @Test func overrideAddThenScoreAppliesManualTier() throws {
        let folder = try MonthlyRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try MonthlyRunTests.makeStore(at: folder.appendingPathComponent("s.sqlite").path, seed: 7)
        let fit = try Self.run(["fit", "--store", "s.sqlite", "--as-of", "2023-06-30", "--model-id", "m"], in: folder)
        #expect(fit.status == 0, "\(fit.stderr)")
        let first = try Self.run(["score", "--store", "s.sqlite", "--model", "Models/m", "--as-of", "2024-06-30", "--out", "out1"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        let header = "enterprise_id,probability,points,model_tier,proposed_tier,tier,previous_tier,pending_runs,pending_tier,overrides,reasons"
        #expect(String(decoding: try Data(contentsOf: folder.appendingPathComponent("out1/scores.csv")), as: UTF8.self).hasPrefix(header + "\n"))
        let before = try Self.rows(folder.appendingPathComponent("out1/scores.csv"))
        // A firm the model put above A and that no other override touches: O_MANUAL lowers it.
        let (target, row) = try #require(before.filter { $0.value[5] != "A" && $0.value[5] != "" && $0.value[9].isEmpty }.min { $0.key < $1.key })
        #expect(!row[9].contains("O_MANUAL"))

        let add = try Self.run(["override", "add", "--store", "s.sqlite", "--enterprise", target, "--tier", "A", "--reason", "现场核查无问题",
                                "--approver", "科长", "--from", "2024-06-01", "--until", "2024-12-31"], in: folder)
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "MO-000001\n")

        // Refusals leave the store's overrides unchanged (the next id is still MO-000002).
        let badTier = try Self.run(["override", "add", "--store", "s.sqlite", "--enterprise", target, "--tier", "E", "--reason", "r",
                                    "--approver", "a", "--from", "2024-06-01", "--until", "2024-12-31"], in: folder)
        #expect(badTier.status == 2)
        #expect(badTier.stderr.contains("`--tier` must be A, B, C or D; got E"))
        let unknown = try Self.run(["override", "add", "--store", "s.sqlite", "--enterprise", "91350100MA2Y0AB36X", "--tier", "A", "--reason", "r",
                                    "--approver", "a", "--from", "2024-06-01", "--until", "2024-12-31"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("risktier override add: "), "\(unknown.stderr)")

        let second = try Self.run(["score", "--store", "s.sqlite", "--model", "Models/m", "--as-of", "2024-06-30", "--out", "out2"], in: folder)
        #expect(second.status == 0, "\(second.stderr)")
        let after = try Self.rows(folder.appendingPathComponent("out2/scores.csv"))
        let overridden = try #require(after[target])
        #expect(overridden[5] == "A")
        #expect(overridden[9] == "O_MANUAL")
        #expect(overridden[10].hasPrefix("O_MANUAL"))  // override codes come first among the reasons
        #expect(overridden[3] == row[3])               // the model's own tier is unchanged
        // Every other firm keeps its row.
        for (id, values) in before where id != target { #expect(after[id] == values, "\(id)") }

        let next = try Self.run(["override", "add", "--store", "s.sqlite", "--enterprise", target, "--tier", "D", "--reason", "复查",
                                 "--approver", "科长", "--from", "2024-07-01", "--until", "2024-12-31"], in: folder)
        #expect(next.stdout == "MO-000002\n")
    }
}
