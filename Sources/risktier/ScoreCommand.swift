import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier score`: apply a saved model. `--csv` scores an analyst CSV with a formula model
/// (issue 4); `--store` is the monthly run's path (the scoring helper's), not implemented here.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Apply a saved model (Models/ID) to rows of a CSV file (or, with --store, the monthly run).")

    @Option(help: "The model folder, e.g. Models/german-2026-11.")
    var model: String

    @Option(help: "A CSV file to score with a formula model (columns as in training).")
    var csv: String?

    @Option(help: "The store of the monthly run (feature models).")
    var store: String?

    @Option(help: "Write the scores (line,linear_predictor,probability,tier) to this CSV file instead of stdout.")
    var out: String?

    func validate() throws {
        guard (csv == nil) != (store == nil) else {
            throw ValidationError("exactly one of `--csv` and `--store` must be given; got \(csv == nil ? "neither" : "both")")
        }
    }

    func run() throws {
        guard let csv else {
            // NOTE: the monthly run (`--store … --as-of … --out DIR`) belongs to the scoring helper's workflow.
            FileHandle.standardError.write(Data("risktier score: `--store` is not available in this build; use --csv\n".utf8))
            throw ExitCode(2)
        }
        do {
            let scored = try ModelRun.score(try ModelRun.load(model), csvPath: csv)
            if let out { try ReportRun.write(scored.csv, to: out) } else { print(scored.csv, terminator: "") }
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("risktier score: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
