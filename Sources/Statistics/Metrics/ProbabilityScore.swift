import Foundation

/// Proper scoring rules for predicted probabilities against 0/1 outcomes.
public enum ProbabilityScore {
    /// Mean of (p − y)² (scikit-learn's `brier_score_loss`).
    public static func brier(probabilities p: [Double], outcomes y: [Double]) throws(StatisticsError) -> Double {
        try Validation.probabilities(p, outcomes: y)
        return zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(p.count)
    }

    /// Mean of −(y log p + (1 − y) log(1 − p)), p clipped to [ε, 1 − ε] with ε the double
    /// machine epsilon (scikit-learn's `log_loss`, which clips at its dtype's eps).
    public static func logLoss(probabilities p: [Double], outcomes y: [Double]) throws(StatisticsError) -> Double {
        try Validation.probabilities(p, outcomes: y)
        let eps = Double.ulpOfOne
        return zip(p, y).reduce(0) { total, pair in
            let q = min(max(pair.0, eps), 1 - eps)
            return total - (pair.1 == 1 ? log(q) : log1p(-q))
        } / Double(p.count)
    }
}
