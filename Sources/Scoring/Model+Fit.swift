import Features
import LinearAlgebra
import Statistics

extension Model {
    /// The model of a fit on `training`: coefficients by name with standard errors, the
    /// covariance of the non-aliased estimates, and the training means.
    public init(modelId: String, fit: LogisticFit, training: TrainingData, featureSpec: FeatureSpec, cutPoints: CutPoints = .standard,
                scorecard: ScorecardScaling = .standard, trainingDataSHA256: String, fitOptions: ModelFitOptions,
                packageVersion: String) throws(ScoringError) {
        let coefficients = fit.coefficients.map { ModelCoefficient(name: $0.term, estimate: $0.estimate, standardError: $0.standardError) }
        let names = coefficients.filter { $0.estimate != nil }.map(\.name)
        let covariance = CovarianceMatrix(names: names, values: (0..<fit.covariance.rows).map { i in
            (0..<fit.covariance.columns).map { j in fit.covariance[i, j] }
        })
        try self.init(modelId: modelId, featureSpec: featureSpec, coefficients: coefficients, covariance: covariance,
                      trainingMeans: Dictionary(uniqueKeysWithValues: zip(featureSpec.names, training.means)),
                      cutPoints: cutPoints, scorecard: scorecard, trainingDataSHA256: trainingDataSHA256,
                      rowCount: training.regression.design.rows, fitOptions: fitOptions, packageVersion: packageVersion)
    }
}
