import Foundation
import RiskTierKit
import Scoring
import Statistics
import Testing

/// fit → save → load → score: a saved formula model gives the fit's own fitted values on the
/// training rows, and R's.
@Suite("Formula models round-trip through Models/")
struct ModelRoundTripTests {
    static let german = (csv: "Datasets/german_credit/german_credit_bad.csv",
                         reference: "Datasets/german_credit/reference/german_credit_factors.r.json")

    static func request(_ csv: String, _ formula: String, penalty: FitPenalty = .none, epsilon: Double = 1e-10) -> FitRequest {
        var request = FitRequest(csvPath: Repository.path(csv), formula: formula, control: .init(epsilon: epsilon, maximumIterations: 100))
        request.penalty = penalty
        return request
    }

    /// Scoring recomputes η = Xβ (+ offset) and p with the fits' own prediction path on a design
    /// rebuilt from the CSV text, so η and p equal the fit's to rounding: 1e-12 absolute (p) and
    /// 1e-12 relative + 1e-12 absolute (η). Against R (fitted_first10, glm at ε = 1e-14 while we
    /// stop at 1e-14 too) the fitted values agree to 1e-9 relative, the tolerance of
    /// ReferenceFitTests (estimates 1e-8 relative on a κ ~ 1e7 design).
    @Test("German credit glm: scores on the training rows equal the fitted values and R's")
    func germanCreditGLM() throws {
        let r = try Repository.json(Self.german.reference)
        let models = try temporaryDirectory()
        let saved = try ModelRun.fitAndSave(Self.request(Self.german.csv, r["formula"] as! String, epsilon: 1e-14), modelId: "german-glm",
                                            modelsDirectory: models.path)
        let model = try ModelRun.load(models.appendingPathComponent("german-glm").path)
        #expect(model == saved.model)
        #expect(model.spec.formula == r["formula"] as! String)
        #expect(model.spec.response == "bad")
        #expect(model.modelId == "german-glm")
        #expect(model.cutPoints == .standard)
        #expect(model.rowCount == 1000)
        #expect(model.fitOptions == ModelFitOptions(estimator: .glm, epsilon: 1e-14, maximumIterations: 100))
        #expect(model.coefficients.map(\.name) == saved.result.fit.coefficients.map(\.term))
        // Training data digest: SHA-256 of the CSV bytes, as coreutils' `sha256sum` prints it.
        #expect(model.trainingDataSHA256 == "9fc03cd1e36b3554738ac82e71290f0b3d8971fd6d69c8c19312357b95be394c")
        let scored = try ModelRun.score(model, csvPath: Repository.path(Self.german.csv))
        let fit = saved.result.fit
        #expect(scored.probabilities.count == 1000)
        for i in 0..<1000 {
            #expect(abs(scored.probabilities[i] - fit.fittedValues[i]) <= 1e-12, "p[\(i)]")
            #expect(close(scored.linearPredictor[i], fit.linearPredictor[i], relative: 1e-12, absolute: 1e-12), "eta[\(i)]")
        }
        for (i, expected) in (r["fitted_first10"] as! [Double]).enumerated() {
            #expect(close(scored.probabilities[i], expected, relative: 1e-9), "R mu[\(i)]")
        }
        #expect(scored.outcomes == saved.result.response)
        #expect(scored.tiers == scored.probabilities.map { model.cutPoints.tier(for: $0) })
        let summary = try String(contentsOf: models.appendingPathComponent("german-glm/summary.txt"), encoding: .utf8)
        #expect(summary == saved.summary)
        #expect(summary.contains("Tier cut points (fixed probabilities): A < 0.02 <= B < 0.05 <= C < 0.15 <= D"))
    }

    /// Firth on a design with a factor (quasi-separated zero cell) and ridge on the raw scale:
    /// the saved estimator and the scores equal to the fitted values (1e-12).
    @Test("Firth and ridge models score their training rows as fitted", arguments: [
        (FitPenalty.firth(profileLevel: nil), ModelEstimator.firth),
        (FitPenalty.ridge(RidgePenalty(lambda: 0.5, scale: .standardized)), ModelEstimator.ridge(RidgePenalty(lambda: 0.5, scale: .standardized))),
    ])
    func penalizedModels(_ penalty: FitPenalty, _ estimator: ModelEstimator) throws {
        let models = try temporaryDirectory()
        let saved = try ModelRun.fitAndSave(Self.request("Datasets/toy_designs/separation_zero_cell.csv", "y ~ group + x", penalty: penalty),
                                            modelId: "toy", modelsDirectory: models.path)
        let model = try ModelRun.load(models.appendingPathComponent("toy/model.json").path)
        #expect(model.fitOptions.estimator == estimator)
        #expect(model.spec.formulaSpec?.factors == [FormulaFactor(variable: "group", levels: ["a", "b", "c"], reference: "a")])
        let scored = try ModelRun.score(model, csvPath: Repository.path("Datasets/toy_designs/separation_zero_cell.csv"))
        for (i, p) in saved.result.fit.fittedValues.enumerated() {
            #expect(abs(scored.probabilities[i] - p) <= 1e-12, "p[\(i)]")
        }
    }

    /// A numeric column made a factor keeps R's labels ("1", not "1.0"): scoring reads "1.0"
    /// as level 1, as the fit did.
    @Test("numeric factor levels are matched as numbers")
    func numericFactorLevels() throws {
        let folder = try temporaryDirectory()
        let train = folder.appendingPathComponent("train.csv")
        try "y,g,x\n0,1,0.5\n1,2,1.5\n0,3,0.2\n1,1,2.0\n0,2,0.1\n1,3,1.1\n0,1,0.3\n1,2,0.9\n".write(to: train, atomically: true, encoding: .utf8)
        let saved = try ModelRun.fitAndSave(FitRequest(csvPath: train.path, formula: "y ~ factor(g) + x"), modelId: "m",
                                            modelsDirectory: folder.appendingPathComponent("Models").path)
        #expect(saved.model.spec.formulaSpec?.factors == [FormulaFactor(variable: "g", levels: ["1", "2", "3"], reference: "1")])
        let other = folder.appendingPathComponent("new.csv")
        try "x,g\n0.5,1.0\n1.5,2\n".write(to: other, atomically: true, encoding: .utf8)
        let scored = try ModelRun.score(saved.model, csvPath: other.path)
        #expect(abs(scored.probabilities[0] - saved.result.fit.fittedValues[0]) <= 1e-12)
        #expect(abs(scored.probabilities[1] - saved.result.fit.fittedValues[1]) <= 1e-12)
        #expect(scored.outcomes == nil)
    }
}
