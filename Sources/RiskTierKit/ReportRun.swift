// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Foundation
import Reports

/// `risktier report --model Models/ID --csv FILE --out report.html [--baseline FILE]`: applies
/// the saved model to the CSV (which must hold the response) and writes the HTML report.
public enum ReportRun {
    /// Builds the report page; `baselineCSV` (scored with the same model) gives the PSI baseline.
    public static func html(modelPath: String, csvPath: String, baselineCSV: String?) throws(ModelError) -> String {
        let model = try ModelRun.load(modelPath)
        let scored = try ModelRun.score(model, csvPath: csvPath)
        guard let outcomes = scored.outcomes else {
            throw .missingColumn(file: URL(fileURLWithPath: csvPath).lastPathComponent, column: model.spec.response)
        }
        let baseline = try baselineCSV.map { (path: String) throws(ModelError) -> [Double] in
            try ModelRun.score(model, csvPath: path).probabilities
        }
        var folder = URL(fileURLWithPath: modelPath)
        if folder.pathExtension == "json" { folder = folder.deletingLastPathComponent() }
        let summary = (try? String(contentsOf: folder.appendingPathComponent("summary.txt"), encoding: .utf8)) ?? ""
        do {
            let report = try CalibrationReport(
                title: "\(model.modelId) · \(model.spec.formula)", summaryText: summary,
                terms: model.coefficients.map { .init(name: $0.name, estimate: $0.estimate, standardError: $0.standardError) },
                probabilities: scored.probabilities, outcomes: outcomes, cutPoints: model.cutPoints, baseline: baseline)
            return report.html
        } catch {
            throw .report(error.description)
        }
    }

    /// Writes `data` atomically (temporary file in the same folder, then rename).
    public static func write(_ text: String, to path: String) throws(ModelError) {
        do { try FitRun.writeAtomically(Data(text.utf8), to: path) } catch { throw .fit(error) }
    }
}
