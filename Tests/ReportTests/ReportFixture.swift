import Foundation
import Reports
import RiskTierKit
import Statistics

/// Shared inputs: the German credit factor model (the formula of
/// Datasets/german_credit/reference/german_credit_factors.r.json) fitted by us and saved as a
/// model folder in a temporary directory, and R's numbers for the same fit.
enum ReportFixture {
    static let csv = Repository.path("Datasets/german_credit/german_credit_bad.csv")
    static let referenceFit = "Datasets/german_credit/reference/german_credit_factors.r.json"
    static let validation = "Datasets/german_credit/reference/validation.json"

    /// R glm's fitted probabilities (p), outcomes (y) and the smaller model's p (baseline),
    /// from validation_scores.csv.
    static func referenceScores() throws -> (y: [Double], p: [Double], baseline: [Double]) {
        let text = try String(contentsOfFile: Repository.path("Datasets/german_credit/reference/validation_scores.csv"), encoding: .utf8)
        var y: [Double] = [], p: [Double] = [], b: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { Double($0)! }
            y.append(f[0]); p.append(f[1]); b.append(f[2])
        }
        return (y, p, b)
    }

    /// R's coefficient rows (term, estimate, std_error, z_value, p_value).
    static func referenceCoefficients() throws -> [[String: Any]] {
        try Repository.json(referenceFit)["coefficients"] as! [[String: Any]]
    }

    /// The report page built from R's numbers only (coefficients and fitted probabilities), with
    /// the smaller model's probabilities as the PSI baseline and the standard cut points.
    static func referenceReport() throws -> CalibrationReport {
        let (y, p, baseline) = try referenceScores()
        let terms = try referenceCoefficients().map {
            Coefficient(term: $0["term"] as! String, estimate: $0["estimate"] as? Double, standardError: $0["std_error"] as? Double)
        }
        return try CalibrationReport(title: "german_credit_factors (R)", summaryText: "", terms: terms, probabilities: p, outcomes: y,
                                     cutPoints: .standard, baseline: baseline)
    }

    /// This process's models folder, removed at exit (the model is shared by all tests).
    static func modelsDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("risktier-report-models-\(getpid())")
    }

    /// Fits and saves the model once per test process; (models folder, model folder).
    static let model: Result<(directory: URL, path: String), any Error> = Result {
        let directory = modelsDirectory()
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: ReportFixture.modelsDirectory()) }
        let formula = try Repository.json(referenceFit)["formula"] as! String
        let saved = try ModelRun.fitAndSave(FitRequest(csvPath: csv, formula: formula), modelId: "german-test", modelsDirectory: directory.path)
        return (directory, saved.path)
    }
}
