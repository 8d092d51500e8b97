import Foundation
import TestSupport
import Testing
@testable import RiskTierKit

/// Runs the built `risktier` (fit --store, score) on a temporary store.
@Suite(.serialized) struct MonthlyCLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `risktier` beside the test bundle, else `.build/debug/risktier`.
    static var executable: URL { TestRepository.risktier }

    static func run(_ arguments: [String], in directory: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try TestProcess.run(arguments, in: directory)
        return (result.status, result.stdout, result.stderr)
    }

    @Test func fitThenScoreThroughTheBinary() throws {
        let folder = try MonthlyRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try MonthlyRunTests.makeStore(at: folder.appendingPathComponent("s.sqlite").path, seed: 3)

        let fit = try Self.run(["fit", "--store", "s.sqlite", "--as-of", "2023-06-30", "--model-id", "city-2023-06"], in: folder)
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(fit.stdout.contains("Coefficients: ("))  // aliased constant columns are reported
        let modelJSON = try Data(contentsOf: folder.appendingPathComponent("Models/city-2023-06/model.json"))
        #expect(String(decoding: modelJSON, as: UTF8.self).contains("\"model_id\" : \"city-2023-06\""))

        let again = try Self.run(["fit", "--store", "s.sqlite", "--as-of", "2023-06-30", "--model-id", "city-2023-06"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("`--model-id` must name a new model"))

        let score = try Self.run(["score", "--store", "s.sqlite", "--model", "Models/city-2023-06", "--as-of", "2024-06-30", "--out", "out"], in: folder)
        #expect(score.status == 0, "\(score.stderr)")
        let lines = score.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.first == "scored 305 enterprises with city-2023-06 as of 2024-06-30 → out/ (scores.csv, transitions.csv, run.json)")
        for (line, start) in zip(lines.dropFirst(), ["tiers (as of 2024-06-30): A ", "transitions: ", "top reasons: R_"]) {
            #expect(line.hasPrefix(start), "\(line)")
        }
        for name in ["scores.csv", "transitions.csv", "run.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/\(name)").path), "\(name)")
        }

        let badPolicy = folder.appendingPathComponent("policy.json")
        try Data(#"{"rates_bp": {"A": 300, "B": 500, "C": 200, "D": 3000}}"#.utf8).write(to: badPolicy)
        let refused = try Self.run(["score", "--store", "s.sqlite", "--model", "Models/city-2023-06", "--as-of", "2024-06-30",
                                    "--out", "out2", "--policy", "policy.json"], in: folder)
        #expect(refused.status == 1)
        #expect(refused.stderr == "risktier score: policy.json: `rates_bp` must be non-decreasing from A to D; got A 300, B 500, C 200, D 3000\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2").path))

        let usage = try Self.run(["fit", "--store", "s.sqlite", "--model-id", "x"], in: folder)
        #expect(usage.status != 0)
        #expect(usage.stderr.contains("`--store`, `--as-of` and `--model-id` go together"))
    }
}
