// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Reports

/// A saved analyst model, `Models/<id>/model.json` with `"kind": "formula"`: the formula spec
/// (design columns, factor levels and references), coefficients by name, covariance, tier cut
/// points, the SHA-256 of the training CSV, row count, fit options and package version.
/// NOTE: the monthly run's feature-based `Model` (module Scoring) has the same top-level
/// fields with a feature spec; a unified format is `spec: formula | features` under one
/// `format_version` (see the calib report).
public struct FormulaModel: Codable, Sendable, Equatable {
    /// The format this build writes and the newest it reads.
    public static let currentFormatVersion = 1

    public struct Factor: Codable, Sendable, Equatable {
        public let variable: String
        /// All training levels, the reference first.
        public let levels: [String]
        public let reference: String?
    }

    public struct Column: Codable, Sendable, Equatable {
        public let term: String
        public let variable: String?
        public let level: String?
    }

    public struct Spec: Codable, Sendable, Equatable {
        public let formula: String
        public let response: String
        public let weights: String?
        public let offset: String?
        public let columns: [Column]
        public let factors: [Factor]
    }

    public struct Coefficient: Codable, Sendable, Equatable {
        public let name: String
        public let estimate: Double?
        public let stdError: Double?
        enum CodingKeys: String, CodingKey { case name, estimate, stdError = "std_error" }
    }

    public struct Covariance: Codable, Sendable, Equatable {
        /// The non-aliased coefficients, in order.
        public let names: [String]
        /// Row-major.
        public let values: [[Double]]
    }

    public struct FitOptions: Codable, Sendable, Equatable {
        /// `glm`, `firth` or `ridge`.
        public let estimator: String
        public let ridgeLambda: Double?
        public let ridgeScale: String?
        public let epsilon: Double
        public let maximumIterations: Int
        enum CodingKeys: String, CodingKey {
            case estimator, epsilon
            case ridgeLambda = "ridge_lambda", ridgeScale = "ridge_scale", maximumIterations = "max_iterations"
        }
    }

    public let formatVersion: Int
    public let kind: String
    public let modelId: String
    public let spec: Spec
    public let coefficients: [Coefficient]
    public let covariance: Covariance
    public let cutPoints: TierCutPoints
    public let trainingDataSHA256: String
    public let rowCount: Int
    public let fitOptions: FitOptions
    public let packageVersion: String

    enum CodingKeys: String, CodingKey {
        case kind, spec, coefficients, covariance
        case formatVersion = "format_version", modelId = "model_id", cutPoints = "cut_points"
        case trainingDataSHA256 = "training_data_sha256", rowCount = "row_count", fitOptions = "fit_options"
        case packageVersion = "package_version"
    }
}
