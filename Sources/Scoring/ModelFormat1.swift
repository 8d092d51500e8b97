import Domain
import Statistics

/// `model.json` format 1 (before issue 4): a store model with `feature_spec` at the top level
/// and `fit_options` {as_of, label_window_months, firth, ridge, epsilon}. Read so that models
/// fitted before format 2 still score; converted to a format-2 `Model` (coefficients as stored).
struct ModelFormat1: Decodable {
    struct FitOptions: Decodable {
        let asOf: CivilDate
        let labelWindowMonths: Int
        let firth: Bool
        let ridge: Double
        let epsilon: Double
        enum CodingKeys: String, CodingKey { case asOf = "as_of", labelWindowMonths = "label_window_months", firth, ridge, epsilon }
    }

    let modelId: String
    let featureSpec: FeatureSpec
    let coefficients: [ModelCoefficient]
    let covariance: CovarianceMatrix
    let trainingMeans: [String: Double]
    let cutPoints: CutPoints
    let scorecard: ScorecardScaling
    let trainingDataSHA256: String
    let rowCount: Int
    let fitOptions: FitOptions
    let packageVersion: String

    enum CodingKeys: String, CodingKey {
        case modelId = "model_id", featureSpec = "feature_spec", coefficients, covariance
        case trainingMeans = "training_means", cutPoints = "cut_points", scorecard
        case trainingDataSHA256 = "training_data_sha256", rowCount = "row_count", fitOptions = "fit_options"
        case packageVersion = "package_version"
    }

    func model(file: String) throws(ScoringError) -> Model {
        // Format 1 wrote firth/ridge flags; the store fit only ever used plain glm with the
        // default 100-iteration limit.
        let estimator: ModelEstimator = fitOptions.firth ? .firth : fitOptions.ridge > 0 ? .ridge(RidgePenalty(lambda: fitOptions.ridge)) : .glm
        return try Model(modelId: modelId, spec: .features(featureSpec), coefficients: coefficients, covariance: covariance,
                         trainingMeans: trainingMeans, cutPoints: cutPoints, scorecard: scorecard, trainingDataSHA256: trainingDataSHA256,
                         rowCount: rowCount,
                         fitOptions: ModelFitOptions(asOf: fitOptions.asOf, labelWindowMonths: fitOptions.labelWindowMonths,
                                                     estimator: estimator, epsilon: fitOptions.epsilon),
                         packageVersion: packageVersion, file: file)
    }
}
