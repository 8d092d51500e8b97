import LinearAlgebra

/// A Firth bias-reduced logistic fit (Jeffreys-prior penalty): the estimate maximises
/// l(β) + ½ log det I(β), as R's `logistf` and `brglm2` (`type = "AS_mean"`) compute it.
/// `fit` holds the coefficients with standard errors from I(β̂)⁻¹ and the UNPENALISED deviances,
/// log-likelihood, AIC and BIC at the estimate (what R's `logLik`/`AIC` report on a brglm2 fit).
public struct FirthFit: Sendable {
    public let fit: LogisticFit
    /// l(β̂) + ½ log det I(β̂), with l the kernel Σ w (y log μ + (1 − y) log(1 − μ)).
    public let penalizedLogLikelihood: Double
    /// Profile penalised-likelihood intervals, in design-column order (nil for aliased
    /// coefficients, or when not requested).
    public let profileIntervals: [ProfileInterval?]
}
