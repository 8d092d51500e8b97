import Statistics

/// Which estimator `risktier fit` uses: plain maximum likelihood (glm), Firth's bias
/// reduction, or an L2 penalty.
public enum FitPenalty: Sendable, Equatable {
    case none
    /// Firth (Jeffreys prior); with a level, profile penalised-likelihood intervals too.
    case firth(profileLevel: Double?)
    case ridge(RidgePenalty)
}

extension FitPenalty {
    /// The ridge penalty from the command line's λ and scale name (`raw` or `standardized`).
    public static func ridge(lambda: Double, standardized: Bool) -> FitPenalty {
        .ridge(RidgePenalty(lambda: lambda, scale: standardized ? .standardized : .raw))
    }
}
