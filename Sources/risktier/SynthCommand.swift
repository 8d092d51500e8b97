import ArgumentParser
import Foundation
import Domain
import RiskTierKit
import Synthesis

/// `risktier synth --enterprises N --seed S --out DIR [--start DATE] [--years 5]`.
struct SynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract: "Generate a seeded synthetic city (all import files of DOMAIN.md §4) into a directory.",
        discussion: "The same --enterprises, --seed, --start and --years always give the same bytes. The summary (counts, the latent model's reference date and event rate) is printed on stdout as Markdown."
    )

    @Option(help: "Number of enterprises (1 to 50000000).")
    var enterprises: Int

    @Option(help: "Seed of the generator (an unsigned 64-bit integer).")
    var seed: UInt64

    @Option(help: "Output directory (created if missing).")
    var out: String

    @Option(help: "First day of the data, YYYY-MM-DD.")
    var start: String = CitySpec.defaultStart.description

    @Option(help: "Years of data; the last one is the latent model's outcome window.")
    var years: Int = CitySpec.defaultYears

    /// Usage errors exit with 2 (COMMON.md), not ArgumentParser's default 64 for validation.
    private func usageError(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\nUsage: risktier synth --enterprises N --seed S --out DIR [--start DATE] [--years 5]\n".utf8))
        return ExitCode(2)
    }

    private func makeSpec() throws -> CitySpec {
        guard let startDate = CivilDate(iso: start) else {
            throw usageError("`--start` must be a date YYYY-MM-DD; got \(start)")
        }
        do {
            return try CitySpec(enterpriseCount: enterprises, seed: seed, start: startDate, years: years)
        } catch {
            throw usageError(error.description)
        }
    }

    func run() throws {
        let spec = try makeSpec()
        // A SynthOutputError propagates: ArgumentParser prints it on stderr and exits with 1.
        let summary = try SynthCity.generate(spec, into: out)
        print(summary.markdown, terminator: "")
    }
}
