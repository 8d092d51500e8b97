import Dispatch
import Foundation
import LinearAlgebra

extension LogisticRegression {
    /// Fits by Fisher scoring (IRLS), following R's `glm.fit` step for step: the same start
    /// (μ = (w·y + ½)/(w + 1)), the same working response and weights, the same convergence
    /// test, the same aliasing rule and the same end-of-fit warnings. Each step forms XᵀWX with
    /// `dsyrk` and solves with `dpotrf`/`dpotrs`.
    public func fit() throws(StatisticsError) -> LogisticFit {
        let n = design.rows
        // R's binomial()$initialize: responses of zero-weight rows are set to 0.
        let y = zip(response, priorWeights).map { $1 == 0 ? 0 : $0 }
        var warnings: [FitWarning] = []
        // R warns when weight × proportion is not a count (tolerance 1e-3, as R).
        if zip(y, priorWeights).contains(where: { abs($1 * $0 - ($1 * $0).rounded(.toNearestOrEven)) > 1e-3 }) {
            warnings.append(.nonIntegerSuccesses)
        }
        let offsetValues = offset ?? [Double](repeating: 0, count: n)
        let main = try IterativelyReweightedLeastSquares.run(
            design: design, response: y, weights: priorWeights, offset: offsetValues,
            startingMu: nil, control: control)

        let mu = main.mu
        let residualDeviance = main.deviance
        let aliasedMask = (0..<design.columns).map { !main.kept.contains($0) }

        // Null deviance (R's glm.fit and glm): the weighted mean with an intercept and no
        // offset; the intercept-only refit when there is an offset; μ = logit⁻¹(offset) without
        // an intercept.
        let nullDeviance: Double
        if let interceptColumn, offset != nil {
            let ones = Matrix(rows: n, columns: 1, columnMajor: design.column(interceptColumn))
            let nullFit = try IterativelyReweightedLeastSquares.run(
                design: ones, response: y, weights: priorWeights, offset: offsetValues,
                startingMu: mu, control: control)
            if !nullFit.converged { warnings.append(.nullDevianceFitDidNotConverge) }
            nullDeviance = nullFit.deviance
        } else if interceptColumn != nil {
            var sw = 0.0, swy = 0.0
            for i in 0..<n { sw += priorWeights[i]; swy += priorWeights[i] * y[i] }
            let wtdmu = swy / sw
            nullDeviance = (0..<n).reduce(0) { $0 + LogisticLink.deviance(y: y[$1], mu: wtdmu, weight: priorWeights[$1]) }
        } else {
            nullDeviance = (0..<n).reduce(0) {
                $0 + LogisticLink.deviance(y: y[$1], mu: LogisticLink.inverse(offsetValues[$1]), weight: priorWeights[$1])
            }
        }

        if !main.converged { warnings.append(.didNotConverge) }
        // R: eps <- 10 * .Machine$double.eps; any(mu > 1 - eps) || any(mu < eps)
        let eps = 10 * Double.ulpOfOne
        if mu.contains(where: { $0 > 1 - eps || $0 < eps }) { warnings.append(.fittedProbabilitiesZeroOrOne) }

        let rank = main.kept.count
        let usable = priorWeights.filter { $0 != 0 }.count
        let aicTerm = Self.binomialAIC(response: y, weights: priorWeights, mu: mu)
        let logLikelihood = -aicTerm / 2
        var pearson = 0.0
        for i in 0..<n { let r = y[i] - mu[i]; pearson += priorWeights[i] * r * r / (mu[i] * (1 - mu[i])) }

        var coefficients: [Coefficient] = []
        for j in 0..<design.columns {
            if let k = main.kept.firstIndex(of: j) {
                coefficients.append(Coefficient(term: termNames[j], estimate: main.coefficients[j],
                                                standardError: main.covariance[k, k].squareRoot()))
            } else {
                coefficients.append(Coefficient(term: termNames[j], estimate: nil, standardError: nil))
            }
        }
        _ = aliasedMask
        return LogisticFit(
            coefficients: coefficients, covariance: main.covariance, rank: rank,
            nullDeviance: nullDeviance, residualDeviance: residualDeviance,
            nullDegreesOfFreedom: usable - (interceptColumn == nil ? 0 : 1),
            residualDegreesOfFreedom: usable - rank,
            logLikelihood: logLikelihood, aic: aicTerm + 2 * Double(rank),
            bic: aicTerm + log(Double(usable)) * Double(rank),
            pearsonChiSquare: pearson, iterations: main.iterations, converged: main.converged,
            warnings: warnings, fittedValues: mu, linearPredictor: main.eta, observationCount: usable)
    }

    /// −2 log L as R's `binomial()$aic` computes it before adding 2·rank:
    /// −2 Σ_{m>0} (w/m)·log dbinom(round(m·y), round(m), μ) with m = w (R's `n` is all 1 for a
    /// vector response, so m is the prior weight: trials for a proportion response).
    static func binomialAIC(response y: [Double], weights: [Double], mu: [Double]) -> Double {
        var total = 0.0
        for i in y.indices where weights[i] > 0 {
            let m = weights[i]
            let trials = m.rounded(.toNearestOrEven)
            let successes = (m * y[i]).rounded(.toNearestOrEven)
            total += (weights[i] / m) * logBinomialDensity(successes, trials: trials, probability: mu[i])
        }
        return -2 * total
    }

    /// log C(n, x) + x log p + (n − x) log(1 − p), with 0·log 0 = 0.
    static func logBinomialDensity(_ x: Double, trials n: Double, probability p: Double) -> Double {
        let logChoose = lgamma(n + 1) - lgamma(x + 1) - lgamma(n - x + 1)
        let successTerm = x == 0 ? 0 : x * log(p)
        let failureTerm = n - x == 0 ? 0 : (n - x) * log1p(-p)
        return logChoose + successTerm + failureTerm
    }
}
