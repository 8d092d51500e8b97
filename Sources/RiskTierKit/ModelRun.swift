import Foundation
import LinearAlgebra
import Lottery
import Reports
import Scoring
import Statistics

/// Saving an analyst fit as a versioned model (`risktier fit --csv … --model-id`), loading any
/// model, and applying a formula model to new rows (`risktier score --model … --csv`).
public enum ModelRun {
    /// What `fitAndSave` wrote.
    public struct Saved: Sendable {
        public let result: FitResult
        public let model: Model
        /// The tier table of the training rows under the model's cut points.
        public let tiers: TierTable
        /// `Models/<id>` as written.
        public let path: String
        /// The text of summary.txt.
        public let summary: String
    }

    /// Fits, then writes `<modelsDirectory>/<modelId>/model.json` and `summary.txt`. The folder
    /// is built under a temporary name and renamed into place, so a model is complete or absent;
    /// an existing folder is an error and is left untouched (a model is never overwritten).
    public static func fitAndSave(_ request: FitRequest, modelId: String, modelsDirectory: String,
                                  cutPoints choice: CutPointChoice = .standard) throws(ModelError) -> Saved {
        guard Model.isValidId(modelId) else { throw .invalidId(modelId) }
        let folder = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(modelId)
        // Messages show the path as the caller gave it (relative stays relative).
        let shownPath = (modelsDirectory as NSString).appendingPathComponent(modelId)
        if FileManager.default.fileExists(atPath: folder.path) { throw .exists(path: shownPath) }
        guard let bytes = FileManager.default.contents(atPath: request.csvPath) else {
            throw .io(path: request.csvPath, message: "the CSV file must exist and be readable; got no such file")
        }
        let result: FitResult
        do { result = try FitRun.fit(request) } catch { throw .fit(error) }
        let model: Model, tiers: TierTable
        do {
            let cuts = try choice.cutPoints(fittedProbabilities: result.fit.fittedValues)
            model = try makeModel(result, modelId: modelId, cutPoints: cuts, sha256: TicketHasher.sha256Hex(bytes))
            tiers = try TierTable(probabilities: result.fit.fittedValues, outcomes: result.response, cutPoints: cuts)
        } catch let error as ScoringError {
            throw .model(error.description)
        } catch {
            throw .report("\(error)")
        }
        let summary = result.summary + "\n" + cutPointsText(model.cutPoints, choice: choice) + tiers.text
        let temporary = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(".\(modelId).partial")
        do {
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            try model.jsonData().write(to: temporary.appendingPathComponent("model.json"))
            try Data(summary.utf8).write(to: temporary.appendingPathComponent("summary.txt"))
            // rename(2) of a directory fails if the target exists and is non-empty: no overwrite race.
            guard rename(temporary.path, folder.path) == 0 else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if FileManager.default.fileExists(atPath: folder.path) { throw .exists(path: shownPath) }
            throw .io(path: shownPath, message: "cannot write the model: \(error.localizedDescription)")
        }
        return Saved(result: result, model: model, tiers: tiers, path: shownPath, summary: summary)
    }

    /// "Tier cut points (…): A < b ≤ B < c ≤ C < d ≤ D".
    static func cutPointsText(_ cuts: CutPoints, choice: CutPointChoice) -> String {
        let source: String
        switch choice {
        case .probabilities: source = "fixed probabilities"
        case let .shares(s): source = "target shares A,B,C,D = " + s.map { String(format: "%.10g", $0) }.joined(separator: ",")
        }
        return "Tier cut points (\(source)): A < \(cuts.b) <= B < \(cuts.c) <= C < \(cuts.d) <= D\n"
            + "Training rows by tier (observed event rate with a 95% Wilson interval):\n"
    }

    /// The model of an analyst fit: the formula spec (design columns, factor levels and
    /// references), coefficients and covariance as fitted, the estimator and controls.
    static func makeModel(_ result: FitResult, modelId: String, cutPoints: CutPoints, sha256: String) throws(ScoringError) -> Model {
        let request = result.request
        let response = (try? FitFormula(parsing: request.formula))?.response ?? ""
        let spec = try FormulaSpec(formula: request.formula, response: response, weights: request.weightsColumn, offset: request.offsetColumn,
                                   columns: result.columns.map { FormulaColumn(term: $0.term, variable: $0.variable, level: $0.level) },
                                   factors: result.factors)
        let estimator: ModelEstimator
        switch request.penalty {
        case .none: estimator = .glm
        case .firth: estimator = .firth
        case let .ridge(r): estimator = .ridge(r)
        }
        return try Model(modelId: modelId, fit: result.fit, spec: .formula(spec), cutPoints: cutPoints, trainingDataSHA256: sha256,
                         fitOptions: ModelFitOptions(estimator: estimator, epsilon: request.control.epsilon,
                                                     maximumIterations: request.control.maximumIterations),
                         packageVersion: RiskTierVersion.current)
    }

    /// Reads `<folder>/model.json` (or a model.json path): any model kind. A newer
    /// `format_version` is refused before the rest is decoded.
    public static func load(_ path: String) throws(ModelError) -> Model {
        do {
            return try Model.load(contentsOf: path)
        } catch {
            throw ModelError(error)
        }
    }
}
