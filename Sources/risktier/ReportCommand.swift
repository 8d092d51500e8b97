import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier report --model Models/ID --csv FILE --out report.html [--baseline FILE]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the calibration report (one self-contained HTML file) of a saved model on a CSV file.")

    @Option(help: "The model folder, e.g. Models/german-2026-11.")
    var model: String

    @Option(help: "The CSV to validate on (must hold the model's response column).")
    var csv: String

    @Option(help: "A baseline CSV (scored with the same model) for the population stability index.")
    var baseline: String?

    @Option(help: "The HTML file to write (atomically).")
    var out: String

    func run() throws {
        do {
            try ReportRun.write(try ReportRun.html(modelPath: model, csvPath: csv, baselineCSV: baseline), to: out)
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("risktier report: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
