import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier demo`: the whole month on the bundled synthetic city.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The whole month on the bundled synthetic city: import, model, scores and tiers, and the month's lottery.",
        discussion: """
            Creates a store in --out (recreated on each run), imports Datasets/synthetic-city (extract date \
            2025-12-31), uses Models/synthetic-city-2024-12 (or fits it if missing), scores as of 2025-12-31, \
            then freezes, draws (fixed demo seed), verifies and records the January 2026 food lottery. \
            Datasets/ and Models/ are looked up in the current directory (run from the repository root).
            """)

    @Option(help: "Output folder.")
    var out: String = "risktier-out"

    @Option(help: "The Datasets folder holding synthetic-city/.")
    var datasets: String = "Datasets"

    @Option(help: "The Models folder holding synthetic-city-2024-12/.")
    var models: String = "Models"

    func run() throws {
        do {
            let summary = try DemoRun.run(outputDirectory: out, datasetsDirectory: datasets, modelsDirectory: models) { step in
                if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("… \(step)\n".utf8)) }
            }
            for line in summary.lines { print(line) }
        } catch {
            FileHandle.standardError.write(Data("risktier demo: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
