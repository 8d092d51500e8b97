import Foundation
import LinearAlgebra

extension LogisticRegression {
    /// Fits Firth's bias-reduced logistic regression: maximises l(β) + ½ log det I(β) by
    /// Newton–Raphson with step halving, starting at β = 0 (logistf's algorithm; the estimate is
    /// brglm2's `AS_mean` for the logit link). Finite on separated data. Aliased columns are
    /// chosen as in `fit()` (R's rule at tolerance 1e-7) and reported as NA.
    ///
    /// - Parameter profileLevel: when given, also computes profile penalised-likelihood
    ///   intervals at this level for every coefficient (costs a constrained fit per bound step).
    public func fitFirth(profileLevel: Double? = nil) throws(StatisticsError) -> FirthFit {
        let n = design.rows
        let y = zip(response, priorWeights).map { $1 == 0 ? 0 : $0 }
        var warnings: [FitWarning] = []
        if zip(y, priorWeights).contains(where: { abs($1 * $0 - ($1 * $0).rounded(.toNearestOrEven)) > 1e-3 }) {
            warnings.append(.nonIntegerSuccesses)
        }
        let offsetValues = offset ?? [Double](repeating: 0, count: n)
        let kept = keptColumns()
        // Columns scaled to unit root-mean-square: the Newton steps are solved on a
        // well-conditioned I(β) (German credit's credit_amount and Taiwan's LIMIT_BAL in 1e3–1e6
        // give κ ~ 1e13 raw, enough for rounding in the step to stall the step-halving test).
        // β = β̃/s, Cov = S⁻¹ C̃ S⁻¹, and ½ log det I = ½ log det Ĩ − Σ log s.
        var x = design.submatrix(rows: Array(0..<n), columns: kept)
        let scales = (0..<kept.count).map { k -> Double in
            var ss = 0.0
            for i in 0..<n { ss += x[i, k] * x[i, k] }
            let rms = (ss / Double(max(1, n))).squareRoot()
            return rms > 0 ? rms : 1
        }
        for k in 0..<kept.count { for i in 0..<n { x[i, k] /= scales[k] } }
        let logScaleSum = scales.reduce(0) { $0 + log($1) }
        // Tolerance on the largest |∂l*/∂β| (and 1e-2 of it on the step): Newton converges
        // quadratically, so the estimate is at full double precision when this is met.
        let result = try PenalizedNewton.maximize(
            x: x, y: y, weights: priorWeights, offset: offsetValues,
            start: [Double](repeating: 0, count: kept.count), maximumIterations: control.maximumIterations,
            tolerance: 1e-10)
        if !result.converged { warnings.append(.didNotConverge) }
        let e = result.evaluation
        var fullBeta = [Double?](repeating: nil, count: design.columns)
        for (k, j) in kept.enumerated() { fullBeta[j] = result.beta[k] / scales[k] }
        var covariance = e.inverseInformation
        for a in 0..<kept.count { for b in 0..<kept.count { covariance[a, b] /= scales[a] * scales[b] } }
        // Fitted values through the shared prediction path (bit-identical to scoring a saved model).
        let eta = LogisticPrediction.linearPredictor(design: design, coefficients: fullBeta, offset: offset)
        let mu = eta.map(LogisticLink.inverse)

        var coefficients: [Coefficient] = []
        for j in 0..<design.columns {
            if let k = kept.firstIndex(of: j) {
                coefficients.append(Coefficient(term: termNames[j], estimate: result.beta[k] / scales[k],
                                                standardError: covariance[k, k].squareRoot()))
            } else {
                coefficients.append(Coefficient(term: termNames[j], estimate: nil, standardError: nil))
            }
        }
        let residualDeviance = IterativelyReweightedLeastSquares.totalDeviance(y, mu, priorWeights)
        let nullDeviance = try firthNullDeviance(y: y, offset: offsetValues)
        let rank = kept.count
        let usable = priorWeights.filter { $0 != 0 }.count
        let aicTerm = Self.binomialAIC(response: y, weights: priorWeights, mu: mu)
        var pearson = 0.0
        for i in 0..<n where priorWeights[i] > 0 {
            let r = y[i] - mu[i]
            pearson += priorWeights[i] * r * r / (mu[i] * (1 - mu[i]))
        }
        let fit = LogisticFit(
            coefficients: coefficients, covariance: covariance, rank: rank,
            nullDeviance: nullDeviance, residualDeviance: residualDeviance,
            nullDegreesOfFreedom: usable - (interceptColumn == nil ? 0 : 1),
            residualDegreesOfFreedom: usable - rank,
            logLikelihood: -aicTerm / 2, aic: aicTerm + 2 * Double(rank),
            bic: aicTerm + log(Double(usable)) * Double(rank),
            pearsonChiSquare: pearson, iterations: result.iterations, converged: result.converged,
            warnings: warnings, fittedValues: mu, linearPredictor: eta, observationCount: usable)

        var intervals = [ProfileInterval?](repeating: nil, count: design.columns)
        if let profileLevel {
            for (k, j) in kept.enumerated() {
                intervals[j] = try profileInterval(
                    x: x, y: y, offset: offsetValues, estimate: result, coordinate: k, term: termNames[j],
                    level: profileLevel).scaled(by: 1 / scales[k])
            }
        }
        return FirthFit(fit: fit, penalizedLogLikelihood: e.penalized + logScaleSum, profileIntervals: intervals)
    }

    /// The deviance of the Firth-fitted null model (intercept only with the offset; the offset
    /// alone without an intercept), as brglm2 reports `null.deviance` for a bias-reduced fit.
    func firthNullDeviance(y: [Double], offset offsetValues: [Double]) throws(StatisticsError) -> Double {
        let n = design.rows
        guard let interceptColumn else {
            return (0..<n).reduce(0) {
                $0 + LogisticLink.deviance(y: y[$1], mu: LogisticLink.inverse(offsetValues[$1]), weight: priorWeights[$1])
            }
        }
        let ones = Matrix(rows: n, columns: 1, columnMajor: design.column(interceptColumn))
        let null = try PenalizedNewton.maximize(x: ones, y: y, weights: priorWeights, offset: offsetValues, start: [0],
                                                maximumIterations: control.maximumIterations, tolerance: 1e-10)
        return IterativelyReweightedLeastSquares.totalDeviance(y, null.evaluation.mu, priorWeights)
    }

    /// Non-aliased design columns by R's rule at glm's starting weights, decided as the glm fit
    /// decides them (`IterativelyReweightedLeastSquares.independentColumns`: from XᵀWX unless a
    /// column is near the threshold, then from √W·X).
    func keptColumns() -> [Int] {
        let n = design.rows
        let sqrtW = (0..<n).map { i -> Double in
            let start = (priorWeights[i] * response[i] + 0.5) / (priorWeights[i] + 1)
            return (priorWeights[i] * start * (1 - start)).squareRoot()
        }
        let gram = IterativelyReweightedLeastSquares.weightedGram(x: design, sqrtW: sqrtW).gram
        return IterativelyReweightedLeastSquares.independentColumns(gram: gram, x: design, sqrtW: sqrtW, tolerance: control.aliasingTolerance)
    }

    /// The null deviance as glm reports it (no penalty): the weighted mean with an intercept and
    /// no offset, the intercept-only fit with an offset, logit⁻¹(offset) without intercept.
    func unpenalizedNullDeviance(y: [Double], offset offsetValues: [Double], mu: [Double]) throws(StatisticsError) -> Double {
        let n = design.rows
        if let interceptColumn, offset != nil {
            let ones = Matrix(rows: n, columns: 1, columnMajor: design.column(interceptColumn))
            return try IterativelyReweightedLeastSquares.run(
                design: ones, response: y, weights: priorWeights, offset: offsetValues, startingMu: mu,
                control: control).deviance
        } else if interceptColumn != nil {
            var sw = 0.0, swy = 0.0
            for i in 0..<n { sw += priorWeights[i]; swy += priorWeights[i] * y[i] }
            return (0..<n).reduce(0) { $0 + LogisticLink.deviance(y: y[$1], mu: swy / sw, weight: priorWeights[$1]) }
        }
        return (0..<n).reduce(0) {
            $0 + LogisticLink.deviance(y: y[$1], mu: LogisticLink.inverse(offsetValues[$1]), weight: priorWeights[$1])
        }
    }

    /// Both bounds of one coefficient's profile interval: bracket by doubling from the Wald
    /// half-width, then the Illinois (modified regula falsi) root of the profile deviance.
    func profileInterval(
        x: Matrix, y: [Double], offset: [Double], estimate: PenalizedNewton.Result, coordinate k: Int,
        term: String, level: Double
    ) throws(StatisticsError) -> ProfileInterval {
        let z = NormalDistribution.quantile((1 + level) / 2)
        let target = estimate.evaluation.penalized - z * z / 2
        let center = estimate.beta[k]
        let se = estimate.evaluation.inverseInformation[k, k].squareRoot()

        func excess(_ b: Double, start: [Double]) throws(StatisticsError) -> (value: Double, beta: [Double]) {
            var s = start
            s[k] = b
            // Far out, the rows of a sparse level get weights that underflow to 0 and I(β) turns
            // singular: log det I → −∞, so l* is −∞ there, beyond any bound.
            guard let r = try? PenalizedNewton.maximize(
                x: x, y: y, weights: priorWeights, offset: offset, start: s, fixed: k,
                maximumIterations: max(200, control.maximumIterations), tolerance: 1e-10) else {
                return (-.infinity, start)
            }
            return (r.evaluation.penalized - target, r.beta)
        }

        func bound(_ sign: Double) throws(StatisticsError) -> Double? {
            var inside = (b: center, value: estimate.evaluation.penalized - target, beta: estimate.beta)
            var width = max(z * se, 1e-3)
            var outside: (b: Double, value: Double)? = nil
            for _ in 0..<40 {
                let b = center + sign * width
                let r = try excess(b, start: inside.beta)
                if r.value < 0 { outside = (b, r.value); break }
                inside = (b, r.value, r.beta)
                width *= 2
            }
            guard var out = outside else { return nil }
            var lastSide = 0
            for _ in 0..<200 {
                if abs(out.b - inside.b) <= 1e-11 * max(1, abs(inside.b)) { break }
                let b = out.value.isFinite
                    ? inside.b - inside.value * (out.b - inside.b) / (out.value - inside.value)
                    : (inside.b + out.b) / 2
                let r = try excess(b, start: inside.beta)
                if abs(r.value) < 1e-13 { return b }
                if r.value > 0 {
                    inside = (b, r.value, r.beta)
                    if lastSide == 1 { out.value /= 2 }
                    lastSide = 1
                } else {
                    out = (b, r.value)
                    if lastSide == -1 { inside.value /= 2 }
                    lastSide = -1
                }
            }
            return (inside.b + out.b) / 2
        }
        return ProfileInterval(term: term, lower: try bound(-1), upper: try bound(1), level: level)
    }
}
