import Domain

/// How a model was fitted (kept in `model.json` so a fit can be reproduced).
public struct ModelFitOptions: Hashable, Sendable, Codable {
    /// Training as-of date t: features at t, labels in (t, t + labelWindowMonths].
    public let asOf: CivilDate
    public let labelWindowMonths: Int
    /// Firth's bias-reduced likelihood.
    public let firth: Bool
    /// L2 penalty λ (0 = none); the intercept is never penalised.
    public let ridge: Double
    /// Relative-deviance convergence tolerance.
    public let epsilon: Double

    public init(asOf: CivilDate, labelWindowMonths: Int = 12, firth: Bool = false, ridge: Double = 0, epsilon: Double = 1e-10) {
        self.asOf = asOf
        self.labelWindowMonths = labelWindowMonths
        self.firth = firth
        self.ridge = ridge
        self.epsilon = epsilon
    }

    enum CodingKeys: String, CodingKey {
        case asOf = "as_of", labelWindowMonths = "label_window_months", firth, ridge, epsilon
    }
}
