import Foundation
import LinearAlgebra

/// Maximises the Firth penalised log-likelihood by Newton–Raphson with the expected
/// information augmented by the penalty's curvature in the hat values (`newtonInverse`:
/// I* = Xᵀ diag(μ(1 − μ)(w + h)) X, see PenalizedLogLikelihood) and step halving on l*,
/// optionally with one coefficient held fixed (for profile intervals, where the penalty stays
/// the FULL model's ½ log det I(β), logistf's `pl = TRUE` definition).
enum PenalizedNewton {
    struct Result {
        let beta: [Double]
        let evaluation: PenalizedLogLikelihood
        let iterations: Int
        let converged: Bool
    }

    /// logistf's `maxstep`: no coefficient moves by more than 5 in one step, which keeps the
    /// first steps on separated data from overshooting into the flat tails.
    static let maximumStep = 5.0

    static func maximize(
        x: Matrix, y: [Double], weights: [Double], offset: [Double], start: [Double],
        fixed: Int? = nil, maximumIterations: Int, tolerance: Double
    ) throws(StatisticsError) -> Result {
        let p = x.columns
        var beta = start
        var current = try PenalizedLogLikelihood.evaluate(x: x, y: y, weights: weights, offset: offset, beta: beta)
        var iterations = 0
        var converged = false
        for iteration in 1...max(1, maximumIterations) {
            iterations = iteration
            var step = direction(current, fixed: fixed, p: p)
            // Newton decrement UᵀI⁻¹U (twice the predicted gain of the step): scale-free, unlike
            // the raw gradient, whose rounding noise grows with the columns' units (LIMIT_BAL in
            // NT$ 1e5 gives |U| noise ~1e-7). decrement < tolerance² puts the estimate within
            // ~tolerance standard errors of the maximum.
            let decrement = zip(step, current.score).reduce(0) { $0 + $1.0 * $1.1 }
            let stepNorm = step.map(abs).max() ?? 0
            if decrement < tolerance * tolerance || stepNorm < 1e-14 {
                converged = true
                break
            }
            if stepNorm > maximumStep { step = step.map { $0 * maximumStep / stepNorm } }
            // Step halving: the penalised log-likelihood must not decrease (logistf's `maxhs`).
            // With I alone (no penalty curvature) a single-row factor level made the full step
            // overshoot 2× and this test accepted an endless ± oscillation (Taiwan sample); I*
            // removes the overshoot, so the plain no-decrease test suffices.
            var accepted = false
            var scale = 1.0
            for _ in 0..<40 {
                let trial = zip(beta, step).map { $0 + scale * $1 }
                if let candidate = try? PenalizedLogLikelihood.evaluate(
                    x: x, y: y, weights: weights, offset: offset, beta: trial),
                   candidate.penalized.isFinite,
                   candidate.penalized >= current.penalized - 1e-13 * max(1, abs(current.penalized)) {
                    beta = trial
                    current = candidate
                    accepted = true
                    break
                }
                scale /= 2
            }
            if !accepted {
                // No step gains more than rounding: at the maximum to working precision when the
                // predicted gain is itself at rounding level of l*.
                converged = decrement < 1e-13 * max(1, abs(current.penalized))
                break
            }
        }
        return Result(beta: beta, evaluation: current, iterations: iterations, converged: converged)
    }

    /// The Newton direction I*⁻¹U*, or with coefficient `fixed` held, (I₋ⱼ₋ⱼ)⁻¹U*₋ⱼ computed
    /// from the full inverse C by the Schur complement C₋ⱼ₋ⱼ − C₋ⱼⱼ Cⱼ₋ⱼ / Cⱼⱼ.
    static func direction(_ e: PenalizedLogLikelihood, fixed: Int?, p: Int) -> [Double] {
        let c = e.newtonInverse ?? e.inverseInformation
        var step = [Double](repeating: 0, count: p)
        for a in 0..<p where a != fixed {
            var s = 0.0
            for b in 0..<p where b != fixed {
                var cab = c[a, b]
                if let j = fixed { cab -= c[a, j] * c[j, b] / c[j, j] }
                s += cab * e.score[b]
            }
            step[a] = s
        }
        return step
    }
}
