import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier report --model Models/ID --csv FILE --out report.html [--baseline FILE]`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the HTML calibration report of a saved model on a CSV with outcomes.",
        discussion: """
            One self-contained HTML file (inline SVG, no JavaScript, no network), labels in Chinese and \
            English: coefficient table, odds-ratio forest plot, ROC with AUC and DeLong CI, calibration by \
            decile, score distribution and lift/capture by tier, and PSI against --baseline (a CSV scored \
            with the same model) when given. Written atomically; the same inputs give the same bytes.
            """)

    @Option(help: "The model folder (Models/<id>) or its model.json.")
    var model: String

    @Option(help: "CSV with the model's columns and its 0/1 response.")
    var csv: String

    @Option(help: "Output HTML file.")
    var out: String

    @Option(help: "Baseline CSV for the population stability index (scored with the same model).")
    var baseline: String?

    func run() throws {
        do throws(ModelError) {
            let written = try ReportRun.write(modelPath: model, csvPath: csv, baselineCSV: baseline, to: out)
            print("wrote \(out): \(written.rows) rows, AUC \(String(format: "%.4f", written.auc))")
        } catch {
            FileHandle.standardError.write(Data("risktier report: \(error)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
