import LinearAlgebra

/// The result of fitting a `LogisticRegression`: immutable, with what R's `summary(glm(...))`
/// reports.
public struct LogisticFit: Sendable {
    /// Coefficients in design-column order; aliased ones have nil numbers.
    public let coefficients: [Coefficient]
    /// Covariance of the non-aliased estimates (in their order): the inverse of XᵀWX at the
    /// weights of the last Fisher step, as `summary.glm` (`chol2inv` of the last QR).
    public let covariance: Matrix
    /// Number of non-aliased coefficients.
    public let rank: Int
    public let nullDeviance: Double
    public let residualDeviance: Double
    public let nullDegreesOfFreedom: Int
    public let residualDegreesOfFreedom: Int
    /// Binomial log-likelihood (R's `logLik`, from `binomial()$aic`).
    public let logLikelihood: Double
    public let aic: Double
    /// −2 log L + log(n)·rank, n = number of non-zero prior weights (R's `nobs.glm`).
    public let bic: Double
    /// Σ wᵢ (yᵢ − μᵢ)² / (μᵢ (1 − μᵢ)).
    public let pearsonChiSquare: Double
    /// Number of Fisher scoring steps taken.
    public let iterations: Int
    public let converged: Bool
    public let warnings: [FitWarning]
    /// μ, the fitted probabilities.
    public let fittedValues: [Double]
    /// η = Xβ + offset.
    public let linearPredictor: [Double]
    /// Observations with a non-zero prior weight.
    public let observationCount: Int

    /// Which coefficients are aliased (NA), in design-column order.
    public var aliased: [Bool] { coefficients.map(\.aliased) }
}
