import ArgumentParser
import RiskTierKit

/// `risktier draw run`: record.json, selections.csv and notice.html from a frozen directory.
struct DrawRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the draw on a frozen directory with the published seed.",
        discussion: "Writes record.json, selections.csv and notice.html. Names for the notice come from --names or names.csv in the frozen directory."
    )

    @Option(help: "Frozen directory (population.csv, roster.csv, conflicts.csv, manifest.json).")
    var frozen: String

    @Option(help: "The published seed (at least 20 characters).")
    var seed: String

    @Flag(help: "Accept a seed shorter than 20 characters.")
    var allowShortSeed = false

    @Option(help: "Names CSV (id,name) for the notice; default: names.csv in the frozen directory.")
    var names: String?

    @Option(help: "Output directory.")
    var out: String

    func run() throws {
        let summary = try runDrawStep { () throws(DrawError) in
            try DrawWorkflow.run(frozenDirectory: frozen, seed: seed, allowShortSeed: allowShortSeed, namesPath: names, outputDirectory: out)
        }
        for note in summary.notes { printError(note) }
        let record = summary.record
        print("drew \(record.selections.count) enterprises (\(record.strata.map { "\($0.stratum.name) \($0.sampleSize)/\($0.population)" }.joined(separator: ", "))); \(record.unassigned.count) unassigned; wrote \(out)/record.json, selections.csv, notice.html")
    }
}
