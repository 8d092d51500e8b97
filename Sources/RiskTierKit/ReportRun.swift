import Foundation
import Reports
import Statistics

/// `risktier report --model Models/ID --csv FILE --out report.html [--baseline FILE]`: applies
/// the saved model to the CSV (which must hold the 0/1 response) and writes the HTML report.
public enum ReportRun {
    /// Builds the report page; `baselineCSV` (scored with the same model) gives the PSI
    /// baseline. The model folder's `summary.txt`, when present, is shown as the full fit output.
    public static func report(modelPath: String, csvPath: String, baselineCSV: String?) throws(ModelError) -> CalibrationReport {
        let model = try ModelRun.load(modelPath)
        let scored = try ModelRun.score(model, csvPath: csvPath)
        guard let outcomes = scored.outcomes else {
            throw .report("\(URL(fileURLWithPath: csvPath).lastPathComponent): column `\(model.spec.response)` must be present with values 0 or 1 (the report compares predictions with outcomes); got a header without it or another value")
        }
        let baseline = try baselineCSV.map { (path: String) throws(ModelError) -> [Double] in
            try ModelRun.score(model, csvPath: path).probabilities
        }
        var folder = URL(fileURLWithPath: modelPath)
        if folder.pathExtension == "json" { folder = folder.deletingLastPathComponent() }
        let summary = (try? String(contentsOf: folder.appendingPathComponent("summary.txt"), encoding: .utf8)) ?? ""
        do {
            return try CalibrationReport(
                title: model.modelId, subtitle: model.spec.formula, summaryText: summary,
                terms: model.coefficients.map { Coefficient(term: $0.name, estimate: $0.estimate, standardError: $0.standardError) },
                probabilities: scored.probabilities, outcomes: outcomes, cutPoints: model.cutPoints, baseline: baseline)
        } catch {
            throw .report(error.description)
        }
    }

    /// Builds the page and writes it atomically to `outPath` (temporary file in the same folder,
    /// then rename): on any error nothing is written. Returns the row count and the AUC (for
    /// the command's one-line message).
    @discardableResult
    public static func write(modelPath: String, csvPath: String, baselineCSV: String?, to outPath: String) throws(ModelError) -> (rows: Int, auc: Double) {
        let report = try report(modelPath: modelPath, csvPath: csvPath, baselineCSV: baselineCSV)
        do { try FitRun.writeAtomically(Data(report.html.utf8), to: outPath) } catch { throw .fit(error) }
        return (report.probabilities.count, report.roc.auc)
    }
}
