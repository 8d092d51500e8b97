import ArgumentParser
import RiskTierKit

/// `risktier draw verify`: recompute and compare; exit 0 or 3 naming the first mismatch.
struct DrawVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute a published draw from its frozen files and seed; exit 0 if it matches, 3 at the first mismatch."
    )

    @Option(help: "Frozen directory (population.csv, roster.csv, conflicts.csv, manifest.json).")
    var frozen: String

    @Option(help: "The published record.json.")
    var record: String

    func run() throws {
        let outcome = try runDrawStep { () throws(DrawError) in
            try DrawWorkflow.verify(frozenDirectory: frozen, recordPath: record)
        }
        switch outcome {
        case let .confirmed(line):
            print(line)
        case let .mismatch(mismatch):
            printError("mismatch: \(mismatch.description)")
            throw ExitCode(3)
        }
    }
}
