import Foundation
import Testing
@testable import RiskTierKit

/// `risktier demo` through the built binary, twice, from the repository root.
@Suite(.serialized) struct DemoCLITests {
    @Test func demoRunsTheMonthDeterministicallyAndItsDrawVerifies() throws {
        let folder = try MonthlyRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = MonthlyCLITests.root
        let first = folder.appendingPathComponent("one").path
        let second = folder.appendingPathComponent("two").path
        let run1 = try MonthlyCLITests.run(["demo", "--out", first], in: root)
        #expect(run1.status == 0, "\(run1.stderr)")
        for line in ["tiers (as of 2025-12-31): A ", "top reasons: ", "drawn: ", "verified: "] {
            #expect(run1.stdout.contains(line), "\(line) in \(run1.stdout)")
        }
        for path in ["run/scores.csv", "run/transitions.csv", "run/run.json", "plan.json", "frozen/manifest.json", "frozen/population.csv",
                     "frozen/roster.csv", "frozen/conflicts.csv", "draw/record.json", "draw/selections.csv", "draw/notice.html", "risktier.sqlite"] {
            #expect(FileManager.default.fileExists(atPath: first + "/" + path), "\(path)")
        }
        // The input digest, recomputed with SQL alone by Datasets/tools/input_digest.py (exact).
        let reference = try String(contentsOf: root.appendingPathComponent("Datasets/synthetic-city/reference/input_digest.txt"), encoding: .utf8)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first + "/run/run.json"))) as? [String: Any]
        #expect(manifest?["input_sha256"] as? String == reference.trimmingCharacters(in: .whitespacesAndNewlines))
        let run2 = try MonthlyCLITests.run(["demo", "--out", second], in: root)
        #expect(run2.status == 0, "\(run2.stderr)")
        for path in ["run/scores.csv", "run/transitions.csv", "run/run.json", "frozen/manifest.json", "draw/record.json", "draw/selections.csv"] {
            #expect(FileManager.default.contents(atPath: first + "/" + path) == FileManager.default.contents(atPath: second + "/" + path), "\(path)")
        }
        // Running again into the same folder gives the same bytes too (the demo's store is recreated).
        let rerun = try MonthlyCLITests.run(["demo", "--out", first], in: root)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(FileManager.default.contents(atPath: first + "/draw/record.json") == FileManager.default.contents(atPath: second + "/draw/record.json"))

        let verify = try MonthlyCLITests.run(["draw", "verify", "--frozen", first + "/frozen", "--record", first + "/draw/record.json"], in: root)
        #expect(verify.status == 0, "\(verify.stderr)")
        // The draw is stored: freezing the same month again recuses its teams (prior_inspection).
        let refreeze = try MonthlyCLITests.run(["draw", "freeze", "--store", first + "/risktier.sqlite", "--plan", first + "/plan.json",
                                                "--out", folder.appendingPathComponent("refrozen").path], in: root)
        #expect(refreeze.status == 0, "\(refreeze.stderr)")
    }

    @Test func demoWithoutTheDatasetsFailsClearly() throws {
        let folder = try MonthlyRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try MonthlyCLITests.run(["demo", "--out", folder.appendingPathComponent("out").path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the bundled synthetic city is not here; run from the repository root or pass --datasets"))
    }
}
