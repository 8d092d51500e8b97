import Domain
import Features

/// A fitted, versioned risk model: the content of `Models/<id>/model.json` (DESIGN.md). One
/// type for both kinds of model: a store model (feature spec, `risktier fit --store`) and an
/// analyst's formula model (`risktier fit --csv … --model-id`); `spec` says which.
public struct Model: Hashable, Sendable {
    /// The `model.json` format this build writes and the newest it reads. Format 2 (issue 4)
    /// put the feature or formula spec under `spec` with a `kind`, and the estimator in
    /// `fit_options`; format 1 files (feature models only) are read and converted.
    public static let currentFormatVersion = 2
    /// Name of the intercept coefficient (R's).
    public static let interceptName = "(Intercept)"

    public let formatVersion: Int
    public let modelId: String
    public let spec: ModelSpec
    /// One per design column, in `spec.termNames` order; aliased (NA) ones without estimate.
    public let coefficients: [ModelCoefficient]
    public let covariance: CovarianceMatrix
    /// Feature models: training mean x̄ per feature name, for reason codes β(x − x̄). Empty
    /// for formula models.
    public let trainingMeans: [String: Double]
    public let cutPoints: CutPoints
    public let scorecard: ScorecardScaling
    /// Lowercase hex SHA-256 of the training data (the CSV's bytes, or the store model's
    /// canonical training CSV).
    public let trainingDataSHA256: String
    /// Rows the model was fitted on.
    public let rowCount: Int
    public let fitOptions: ModelFitOptions
    public let packageVersion: String

    public init(modelId: String, spec: ModelSpec, coefficients: [ModelCoefficient], covariance: CovarianceMatrix,
                trainingMeans: [String: Double] = [:], cutPoints: CutPoints = .standard, scorecard: ScorecardScaling = .standard,
                trainingDataSHA256: String, rowCount: Int, fitOptions: ModelFitOptions, packageVersion: String,
                formatVersion: Int = Model.currentFormatVersion, file: String = "model.json") throws(ScoringError) {
        // The id names the folder Models/<id>: no separators, no hidden or parent folder.
        guard Model.isValidId(modelId) else {
            throw .invalidField(file: file, field: "model_id", requirement: "1 to 64 characters from A-Z a-z 0-9 . _ - not starting with a dot", got: modelId)
        }
        let expected = spec.termNames
        guard coefficients.map(\.name) == expected else {
            throw .invalidField(file: file, field: "coefficients", requirement: "named \(expected.joined(separator: ", "))",
                                got: coefficients.map(\.name).joined(separator: ", "))
        }
        switch spec {
        case let .features(featureSpec):
            guard Set(trainingMeans.keys) == Set(featureSpec.names) else {
                throw .invalidField(file: file, field: "training_means", requirement: "one mean per feature name",
                                    got: trainingMeans.keys.sorted().joined(separator: ", "))
            }
        case .formula:
            guard trainingMeans.isEmpty else {
                throw .invalidField(file: file, field: "training_means", requirement: "empty for a formula model",
                                    got: trainingMeans.keys.sorted().joined(separator: ", "))
            }
        }
        let estimated = coefficients.filter { $0.estimate != nil }.map(\.name)
        guard covariance.names == estimated else {
            throw .invalidField(file: file, field: "covariance.names", requirement: "the non-aliased coefficients \(estimated.joined(separator: ", "))",
                                got: covariance.names.joined(separator: ", "))
        }
        guard trainingDataSHA256.utf8.count == 64, trainingDataSHA256.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw .invalidField(file: file, field: "training_data_sha256", requirement: "64 lowercase hex digits", got: trainingDataSHA256)
        }
        guard rowCount >= 0 else { throw .invalidField(file: file, field: "row_count", requirement: "an integer ≥ 0", got: String(rowCount)) }
        self.formatVersion = formatVersion
        self.modelId = modelId
        self.spec = spec
        self.coefficients = coefficients
        self.covariance = covariance
        self.trainingMeans = trainingMeans
        self.cutPoints = cutPoints
        self.scorecard = scorecard
        self.trainingDataSHA256 = trainingDataSHA256
        self.rowCount = rowCount
        self.fitOptions = fitOptions
        self.packageVersion = packageVersion
    }

    /// `[A-Za-z0-9._-]{1,64}`, not starting with `.`.
    public static func isValidId(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), bytes[0] != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    /// The coefficient estimates in design-column order, nil for aliased columns.
    public var estimates: [Double?] { coefficients.map(\.estimate) }
}
