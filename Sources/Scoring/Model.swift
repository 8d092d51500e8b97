import Domain
import Features

/// A fitted, versioned risk model: the content of `Models/<id>/model.json` (DESIGN.md).
public struct Model: Hashable, Sendable {
    /// The `model.json` format this build writes and the newest it reads.
    public static let currentFormatVersion = 1
    /// Name of the intercept coefficient (R's).
    public static let interceptName = "(Intercept)"

    public let formatVersion: Int
    public let modelId: String
    public let featureSpec: FeatureSpec
    /// `(Intercept)` first, then one per feature in `featureSpec.names` order.
    public let coefficients: [ModelCoefficient]
    public let covariance: CovarianceMatrix
    /// Training means x̄ per feature name, for reason codes β(x − x̄).
    public let trainingMeans: [String: Double]
    public let cutPoints: CutPoints
    public let scorecard: ScorecardScaling
    /// Lowercase hex SHA-256 of the canonical training data (computed by the caller).
    public let trainingDataSHA256: String
    /// Labelled rows the model was fitted on.
    public let rowCount: Int
    public let fitOptions: ModelFitOptions
    public let packageVersion: String

    public init(modelId: String, featureSpec: FeatureSpec, coefficients: [ModelCoefficient], covariance: CovarianceMatrix,
                trainingMeans: [String: Double], cutPoints: CutPoints = .standard, scorecard: ScorecardScaling = .standard,
                trainingDataSHA256: String, rowCount: Int, fitOptions: ModelFitOptions, packageVersion: String,
                formatVersion: Int = Model.currentFormatVersion, file: String = "model.json") throws(ScoringError) {
        // The id names the folder Models/<id>: no separators, no hidden or parent folder.
        guard Model.isValidId(modelId) else {
            throw .invalidField(file: file, field: "model_id", requirement: "1 to 64 characters from A-Z a-z 0-9 . _ - not starting with a dot", got: modelId)
        }
        let expected = [Model.interceptName] + featureSpec.names
        guard coefficients.map(\.name) == expected else {
            throw .invalidField(file: file, field: "coefficients", requirement: "named \(expected.joined(separator: ", "))",
                                got: coefficients.map(\.name).joined(separator: ", "))
        }
        guard Set(trainingMeans.keys) == Set(featureSpec.names) else {
            throw .invalidField(file: file, field: "training_means", requirement: "one mean per feature name",
                                got: trainingMeans.keys.sorted().joined(separator: ", "))
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
        self.featureSpec = featureSpec
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
}
