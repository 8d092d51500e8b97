import Foundation

/// The logit link with R's numerical guards (`src/library/stats/src/family.c`): beyond
/// |η| > 30 the inverse link is clamped to ε/(1+ε) or 1/(1+ε) and dμ/dη to ε, so that weights
/// stay positive and the iteration reaches the same end point as R's under separation.
enum LogisticLink {
    static let threshold = 30.0
    static let epsilon = Double.ulpOfOne
    static let inverseEpsilon = 1 / Double.ulpOfOne

    /// log(μ / (1 − μ)).
    @inline(__always) static func link(_ mu: Double) -> Double { log(mu / (1 - mu)) }

    /// μ(η), R's `logit_linkinv`.
    @inline(__always) static func inverse(_ eta: Double) -> Double {
        let t = eta < -threshold ? epsilon : (eta > threshold ? inverseEpsilon : exp(eta))
        return t / (1 + t)
    }

    /// dμ/dη, R's `logit_mu_eta`.
    @inline(__always) static func derivative(_ eta: Double) -> Double {
        let opexp = 1 + exp(eta)
        return (eta > threshold || eta < -threshold) ? epsilon : exp(eta) / (opexp * opexp)
    }

    /// Binomial unit deviance 2·w·(y log(y/μ) + (1−y) log((1−y)/(1−μ))), R's `binomial_dev_resids`.
    @inline(__always) static func deviance(y: Double, mu: Double, weight: Double) -> Double {
        @inline(__always) func ylogy(_ y: Double, _ mu: Double) -> Double { y != 0 ? y * log(y / mu) : 0 }
        return 2 * weight * (ylogy(y, mu) + ylogy(1 - y, 1 - mu))
    }
}
