/// A diagnostic on a fit, with R's `glm.fit` text (without R's "glm.fit: " prefix).
public enum FitWarning: Sendable, Equatable, Hashable {
    /// The iteration limit was reached before the deviance converged (often separation).
    case didNotConverge
    /// Some fitted probability is within 10·ε of 0 or 1 (separation or quasi-separation).
    case fittedProbabilitiesZeroOrOne
    /// A prior weight × proportion is not an integer count of successes.
    case nonIntegerSuccesses
    /// The intercept-only fit (with offset) used for the null deviance did not converge.
    case nullDevianceFitDidNotConverge

    /// R's message text.
    public var message: String {
        switch self {
        case .didNotConverge: "algorithm did not converge"
        case .fittedProbabilitiesZeroOrOne: "fitted probabilities numerically 0 or 1 occurred"
        case .nonIntegerSuccesses: "non-integer #successes in a binomial glm!"
        case .nullDevianceFitDidNotConverge:
            "fitting to calculate the null deviance did not converge -- increase 'maxit'?"
        }
    }
}
