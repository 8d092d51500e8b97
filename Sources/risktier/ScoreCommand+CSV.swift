import ArgumentParser
import Foundation
import RiskTierKit

extension ScoreCommand {
    /// --csv excludes the store options (exit 2 via ValidationError).
    func validateCSVMode() throws {
        let storeOptions = [("--store", store), ("--as-of", asOf), ("--policy", policy), ("--previous", previous)].filter { $0.1 != nil }.map(\.0)
        guard storeOptions.isEmpty else {
            throw ValidationError("`--csv` (score a CSV with a formula model) and \(storeOptions.joined(separator: ", ")) (score a store) are mutually exclusive; choose one mode")
        }
    }

    /// Scores the CSV's rows and writes `line,linear_predictor,probability,tier` to --out.
    func runCSV(_ csv: String) throws {
        let scored: ScoredRows
        do {
            scored = try ModelRun.scoreAndWrite(modelPath: model, csvPath: csv, outPath: out)
        } catch {
            FileHandle.standardError.write(Data("risktier score: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
        let counts = Dictionary(grouping: scored.tiers, by: \.rawValue).mapValues(\.count)
        print("scored \(scored.probabilities.count) rows of \(csv) with \(model) → \(out): "
            + ["A", "B", "C", "D"].map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", "))
    }
}
