import Features
import LinearAlgebra
import Statistics

extension Model {
    /// The model of a fit: coefficients by name with standard errors and the covariance of the
    /// non-aliased estimates, both exactly as the fit holds them.
    public init(modelId: String, fit: LogisticFit, spec: ModelSpec, trainingMeans: [String: Double] = [:], cutPoints: CutPoints = .standard,
                scorecard: ScorecardScaling = .standard, trainingDataSHA256: String, fitOptions: ModelFitOptions,
                packageVersion: String) throws(ScoringError) {
        let coefficients = fit.coefficients.map { ModelCoefficient(name: $0.term, estimate: $0.estimate, standardError: $0.standardError) }
        let names = coefficients.filter { $0.estimate != nil }.map(\.name)
        let covariance = CovarianceMatrix(names: names, values: (0..<fit.covariance.rows).map { i in
            (0..<fit.covariance.columns).map { j in fit.covariance[i, j] }
        })
        try self.init(modelId: modelId, spec: spec, coefficients: coefficients, covariance: covariance, trainingMeans: trainingMeans,
                      cutPoints: cutPoints, scorecard: scorecard, trainingDataSHA256: trainingDataSHA256,
                      rowCount: fit.fittedValues.count, fitOptions: fitOptions, packageVersion: packageVersion)
    }

    /// The store model of a fit on `training`, with the training means for reason codes.
    public init(modelId: String, fit: LogisticFit, training: TrainingData, featureSpec: FeatureSpec, cutPoints: CutPoints = .standard,
                scorecard: ScorecardScaling = .standard, trainingDataSHA256: String, fitOptions: ModelFitOptions,
                packageVersion: String) throws(ScoringError) {
        try self.init(modelId: modelId, fit: fit, spec: .features(featureSpec),
                      trainingMeans: Dictionary(uniqueKeysWithValues: zip(featureSpec.names, training.means)),
                      cutPoints: cutPoints, scorecard: scorecard, trainingDataSHA256: trainingDataSHA256,
                      fitOptions: fitOptions, packageVersion: packageVersion)
    }
}
