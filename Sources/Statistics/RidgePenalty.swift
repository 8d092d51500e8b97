/// An L2 (ridge) penalty ½·λ·Σⱼ dⱼβⱼ² on the non-intercept coefficients: the objective is
/// −l(β) + ½λ Σ dⱼβⱼ², with dⱼ = 1 on the raw scale and dⱼ = sⱼ² (population variance of column
/// j) on the standardised scale, i.e. the penalty on the coefficients of the standardised
/// columns (x − mean)/s. scikit-learn's `LogisticRegression(C=…)` minimises C·Σ logloss + ½‖β‖²
/// = C·(−l(β) + ½(1/C)‖β‖²), so its C is 1/λ.
public struct RidgePenalty: Sendable, Hashable {
    /// The scale on which coefficients are penalised.
    public enum Scale: String, Sendable, Hashable, CaseIterable {
        /// Penalty on the coefficients of the columns as given.
        case raw
        /// Penalty on the coefficients of the columns centred and divided by their population
        /// standard deviation (ddof 0, unweighted, like scikit-learn's `StandardScaler`).
        case standardized
    }

    public let lambda: Double
    public let scale: Scale

    public init(lambda: Double, scale: Scale = .raw) {
        self.lambda = lambda
        self.scale = scale
    }
}
