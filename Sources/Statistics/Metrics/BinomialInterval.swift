/// Confidence intervals for a binomial proportion.
public enum BinomialInterval {
    /// Wilson's score interval (Wilson 1927), as statsmodels' `proportion_confint(method='wilson')`:
    /// (p̂ + z²/2n ± z√(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n). Chosen over the Clopper–Pearson
    /// "exact" interval because its coverage is closer to nominal and it is never empty at 0 or n.
    public static func wilson(successes: Double, trials: Double, level: Double = 0.95) -> ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let z = NormalDistribution.quantile((1 + level) / 2), z2 = z * z
        let p = successes / trials
        let denominator = 1 + z2 / trials
        let center = (p + z2 / (2 * trials)) / denominator
        let half = z * (p * (1 - p) / trials + z2 / (4 * trials * trials)).squareRoot() / denominator
        return max(0, center - half)...min(1, center + half)
    }
}
