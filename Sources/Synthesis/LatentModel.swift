#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The TRUE outcome model of the synthetic city: for an enterprise active on the reference
/// date t and observed in (t, t + 12 months], P(y = 1) = logistic(β·x), x the features below
/// computed exactly as DOMAIN.md §5.1 defines them as of t. Fitting this specification on the
/// city's observed firms recovers β (selection depends on x and on noise independent of y).
public struct LatentModel: Sendable, Equatable {
    /// Names as `risktier fit` prints them (R's `(Intercept)`, feature names of §5.1).
    public static let termNames = [
        "(Intercept)", "pen_count_36m", "samp_fail_36m", "insp_serious_36m", "abnormal_now",
        "compl_subst_12m", "age_log_years", "domain_drug", "domain_special_equipment",
    ]

    /// β in the order of `termNames`.
    public let coefficients: [Double]

    /// The model every `risktier synth` city uses. The intercept puts a typical firm at about
    /// 1.5 % (tier A/B boundary region) so that tier shares land near DOMAIN.md §2.2's
    /// expectations; the slopes are odds ratios of 1.5–2.3 per event, the size a regulator's
    /// history variables plausibly carry.
    public static let truth = LatentModel(coefficients: [-3.1, 0.50, 0.70, 0.90, 1.00, 0.60, -0.20, -0.40, 0.45])

    public init(coefficients: [Double]) { self.coefficients = coefficients }

    /// β·x for a feature vector without the intercept entry.
    public func linearPredictor(_ features: [Double]) -> Double {
        var eta = coefficients[0]
        for (beta, value) in zip(coefficients.dropFirst(), features) { eta += beta * value }
        return eta
    }

    public static func logistic(_ eta: Double) -> Double { 1 / (1 + exp(-eta)) }
}
