import Domain
import Statistics

/// How a model was fitted (kept in `model.json` so a fit can be reproduced): the estimator
/// (with ridge's λ and scale), the convergence settings, and for a store model the training
/// as-of date and label window.
public struct ModelFitOptions: Hashable, Sendable {
    public let estimator: ModelEstimator
    /// Relative-deviance convergence tolerance.
    public let epsilon: Double
    /// Iteration limit.
    public let maximumIterations: Int
    /// Store models: training as-of date t (features at t, labels in (t, t + labelWindowMonths]).
    public let asOf: CivilDate?
    public let labelWindowMonths: Int?

    public init(estimator: ModelEstimator = .glm, epsilon: Double = 1e-10, maximumIterations: Int = 100,
                asOf: CivilDate? = nil, labelWindowMonths: Int? = nil) {
        self.estimator = estimator
        self.epsilon = epsilon
        self.maximumIterations = maximumIterations
        self.asOf = asOf
        self.labelWindowMonths = labelWindowMonths
    }

    /// A store model's options (label window 12 months unless given).
    public init(asOf: CivilDate, labelWindowMonths: Int = 12, estimator: ModelEstimator = .glm, epsilon: Double = 1e-10,
                maximumIterations: Int = 100) {
        self.init(estimator: estimator, epsilon: epsilon, maximumIterations: maximumIterations, asOf: asOf,
                  labelWindowMonths: labelWindowMonths)
    }
}

extension ModelFitOptions: Codable {
    enum CodingKeys: String, CodingKey {
        case estimator, epsilon
        case ridgeLambda = "ridge_lambda", ridgeScale = "ridge_scale", maximumIterations = "max_iterations"
        case asOf = "as_of", labelWindowMonths = "label_window_months"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .estimator)
        let estimator: ModelEstimator
        switch name {
        case "glm": estimator = .glm
        case "firth": estimator = .firth
        case "ridge":
            let lambda = try c.decode(Double.self, forKey: .ridgeLambda)
            let scaleName = try c.decode(String.self, forKey: .ridgeScale)
            guard let scale = RidgePenalty.Scale(rawValue: scaleName) else {
                throw ScoringError.invalidField(file: "model.json", field: "fit_options.ridge_scale", requirement: "raw or standardized", got: scaleName)
            }
            guard lambda.isFinite, lambda >= 0 else {
                throw ScoringError.invalidField(file: "model.json", field: "fit_options.ridge_lambda", requirement: "a finite number ≥ 0", got: String(lambda))
            }
            estimator = .ridge(RidgePenalty(lambda: lambda, scale: scale))
        default:
            throw ScoringError.invalidField(file: "model.json", field: "fit_options.estimator", requirement: "glm, firth or ridge", got: name)
        }
        let asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        var date: CivilDate?
        if let asOf {
            guard let parsed = CivilDate(iso: asOf) else {
                throw ScoringError.invalidField(file: "model.json", field: "fit_options.as_of", requirement: "a date YYYY-MM-DD", got: asOf)
            }
            date = parsed
        }
        self.init(estimator: estimator, epsilon: try c.decode(Double.self, forKey: .epsilon),
                  maximumIterations: try c.decode(Int.self, forKey: .maximumIterations), asOf: date,
                  labelWindowMonths: try c.decodeIfPresent(Int.self, forKey: .labelWindowMonths))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(estimator.name, forKey: .estimator)
        if case let .ridge(penalty) = estimator {
            try c.encode(penalty.lambda, forKey: .ridgeLambda)
            try c.encode(penalty.scale.rawValue, forKey: .ridgeScale)
        }
        try c.encode(epsilon, forKey: .epsilon)
        try c.encode(maximumIterations, forKey: .maximumIterations)
        try c.encodeIfPresent(asOf?.description, forKey: .asOf)
        try c.encodeIfPresent(labelWindowMonths, forKey: .labelWindowMonths)
    }
}
