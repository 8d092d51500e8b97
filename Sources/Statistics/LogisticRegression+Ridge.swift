import Foundation
import LinearAlgebra

extension LogisticRegression {
    /// Fits the L2-penalised logistic regression: minimises −l(β) + ½λ Σ dⱼβⱼ² (intercept not
    /// penalised; see `RidgePenalty`) by Newton–Raphson with step halving. No column is aliased
    /// (the penalty makes every penalised direction identifiable). The covariance reported is
    /// (XᵀWX + λD)⁻¹ at the estimate, the inverse Hessian of the objective (an approximate
    /// posterior covariance, not a sampling covariance); deviances, log-likelihood, AIC and BIC
    /// are the unpenalised quantities at the estimate, with rank = number of coefficients.
    public func fitRidge(_ penalty: RidgePenalty) throws(StatisticsError) -> LogisticFit {
        guard penalty.lambda.isFinite, penalty.lambda >= 0 else {
            throw .invalidValue(field: "lambda", index: 0, requirement: "finite and >= 0", value: penalty.lambda)
        }
        let n = design.rows, p = design.columns
        let y = zip(response, priorWeights).map { $1 == 0 ? 0 : $0 }
        let offsetValues = offset ?? [Double](repeating: 0, count: n)
        let d = penaltyWeights(penalty.scale)
        var warnings: [FitWarning] = []
        if zip(y, priorWeights).contains(where: { abs($1 * $0 - ($1 * $0).rounded(.toNearestOrEven)) > 1e-3 }) {
            warnings.append(.nonIntegerSuccesses)
        }

        struct State { var objective: Double; var gradient: [Double]; var inverseHessian: Matrix; var eta: [Double]; var mu: [Double] }
        func evaluate(_ beta: [Double]) throws(StatisticsError) -> State {
            let e = try PenalizedLogLikelihood.evaluate(
                x: design, y: y, weights: priorWeights, offset: offsetValues, beta: beta, firth: false,
                ridge: d.map { $0 * penalty.lambda })
            var objective = -e.logLikelihood
            var gradient = e.score
            for j in 0..<p {
                objective += 0.5 * penalty.lambda * d[j] * beta[j] * beta[j]
                gradient[j] -= penalty.lambda * d[j] * beta[j]
            }
            return State(objective: objective, gradient: gradient, inverseHessian: e.inverseInformation, eta: e.eta, mu: e.mu)
        }

        var beta = [Double](repeating: 0, count: p)
        var state = try evaluate(beta)
        var converged = false
        var iterations = 0
        for iteration in 1...max(1, control.maximumIterations) {
            iterations = iteration
            var step = [Double](repeating: 0, count: p)
            for a in 0..<p { for b in 0..<p { step[a] += state.inverseHessian[a, b] * state.gradient[b] } }
            let gradientNorm = state.gradient.map(abs).max() ?? 0
            if gradientNorm < 1e-10 || (step.map(abs).max() ?? 0) < 1e-14 {
                converged = true
                break
            }
            var scale = 1.0, accepted = false
            for _ in 0..<40 {
                let trial = zip(beta, step).map { $0 + scale * $1 }
                if let candidate = try? evaluate(trial), candidate.objective.isFinite,
                   candidate.objective <= state.objective + 1e-13 * max(1, abs(state.objective)) {
                    beta = trial
                    state = candidate
                    accepted = true
                    break
                }
                scale /= 2
            }
            if !accepted { break }
        }
        if !converged { warnings.append(.didNotConverge) }
        // Fitted values through the shared prediction path (bit-identical to scoring a saved model).
        let eta = LogisticPrediction.linearPredictor(design: design, coefficients: beta, offset: offset)
        let mu = eta.map(LogisticLink.inverse)
        let coefficients = (0..<p).map { j in
            Coefficient(term: termNames[j], estimate: beta[j], standardError: state.inverseHessian[j, j].squareRoot())
        }
        let usable = priorWeights.filter { $0 != 0 }.count
        let aicTerm = Self.binomialAIC(response: y, weights: priorWeights, mu: mu)
        var pearson = 0.0
        for i in 0..<n where priorWeights[i] > 0 {
            let r = y[i] - mu[i]
            pearson += priorWeights[i] * r * r / (mu[i] * (1 - mu[i]))
        }
        return LogisticFit(
            coefficients: coefficients, covariance: state.inverseHessian, rank: p,
            nullDeviance: try unpenalizedNullDeviance(y: y, offset: offsetValues, mu: mu),
            residualDeviance: IterativelyReweightedLeastSquares.totalDeviance(y, mu, priorWeights),
            nullDegreesOfFreedom: usable - (interceptColumn == nil ? 0 : 1), residualDegreesOfFreedom: usable - p,
            logLikelihood: -aicTerm / 2, aic: aicTerm + 2 * Double(p), bic: aicTerm + log(Double(usable)) * Double(p),
            pearsonChiSquare: pearson, iterations: iterations, converged: converged, warnings: warnings,
            fittedValues: mu, linearPredictor: eta, observationCount: usable)
    }

    /// dⱼ: 0 for the intercept, 1 on the raw scale, the column's population variance on the
    /// standardised scale (a constant column then gets no penalty).
    func penaltyWeights(_ scale: RidgePenalty.Scale) -> [Double] {
        (0..<design.columns).map { j in
            if j == interceptColumn { return 0 }
            switch scale {
            case .raw: return 1
            case .standardized:
                let column = design.column(j)
                let mean = column.reduce(0, +) / Double(column.count)
                return column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
            }
        }
    }
}
