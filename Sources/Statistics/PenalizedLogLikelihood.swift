import Foundation
import LinearAlgebra

/// The Firth (Jeffreys-prior) penalised log-likelihood l*(β) = l(β) + ½ log det I(β) of the
/// logit model and what its Newton steps need, evaluated at one β on a full-rank design.
/// I(β) = XᵀWX with W = w·μ(1 − μ); the score of the penalty is ½ Σ hᵢ (1 − 2μᵢ) xᵢ, where hᵢ
/// are the diagonal elements of the weighted hat matrix (Firth 1993; Heinze & Schemper 2002).
struct PenalizedLogLikelihood {
    /// l(β): Σ wᵢ (yᵢ log μᵢ + (1 − yᵢ) log(1 − μᵢ)), the kernel without binomial coefficients.
    let logLikelihood: Double
    /// ½ log det I(β).
    let halfLogDeterminant: Double
    /// ∂l*/∂β.
    let score: [Double]
    /// I(β)⁻¹.
    let inverseInformation: Matrix
    /// Firth: the inverse of I*(β) = Xᵀ diag(μ(1 − μ)(w + h)) X, the negative Hessian of l*
    /// without the term in ∂h/∂β, which the Newton steps use. Why: along a row with leverage
    /// h = 1 (a factor level with one row, Taiwan's EDUCATION 0) the penalty's own curvature
    /// equals the likelihood's, so steps with I alone are exactly twice too long there and the
    /// iteration oscillates with multiplier −1 (brglm2's quasi-Fisher steps have the same
    /// defect); with I* that direction gets its true curvature (h is constant, 1, along it) and
    /// the fixed point, U* = 0, is unchanged. nil when not Firth (ridge, plain).
    let newtonInverse: Matrix?
    let eta: [Double]
    let mu: [Double]

    var penalized: Double { logLikelihood + halfLogDeterminant }

    /// Evaluates at `beta` (one value per column of `x`). With `firth` false the score is the
    /// unpenalised Xᵀw(y − μ); `ridge` (λdⱼ per column) is added to the diagonal of the
    /// information before it is inverted.
    static func evaluate(
        x: Matrix, y: [Double], weights: [Double], offset: [Double], beta: [Double], firth: Bool = true,
        ridge: [Double]? = nil
    ) throws(StatisticsError) -> PenalizedLogLikelihood {
        let n = x.rows, p = x.columns
        var eta = offset
        if p > 0 {
            x.elements.withUnsafeBufferPointer { xb in
                beta.withUnsafeBufferPointer { bb in
                    eta.withUnsafeMutableBufferPointer { eb in
                        BLAS.gemv(.none, rows: n, columns: p, alpha: 1, a: xb.baseAddress!, leadingDimension: n,
                                  x: bb.baseAddress!, beta: 1, y: eb.baseAddress!)
                    }
                }
            }
        }
        var mu = [Double](repeating: 0, count: n)
        var sqrtW = [Double](repeating: 0, count: n)
        var logLikelihood = 0.0
        for i in 0..<n {
            // log μ = −log(1 + e^−η), log(1 − μ) = −log(1 + e^η): no clamping, so that the
            // penalised fit stays finite and smooth under separation (unlike glm's link guard).
            let logMu = -softplus(-eta[i]), logOneMinusMu = -softplus(eta[i])
            mu[i] = exp(logMu)
            if weights[i] > 0 {
                logLikelihood += weights[i] * (y[i] * logMu + (1 - y[i]) * logOneMinusMu)
                sqrtW[i] = (weights[i] * mu[i] * (1 - mu[i])).squareRoot()
            }
        }
        let weighted = IterativelyReweightedLeastSquares.weightedGram(x: x, sqrtW: sqrtW)
        let scaled = weighted.scaled
        var information = weighted.gram
        // Ridge: the "information" is the Hessian of the penalised objective, XᵀWX + λD.
        if let ridge { for j in 0..<p { information[j, j] += ridge[j] } }
        let factor: Matrix, inverse: Matrix
        do {
            factor = try LAPACK.choleskyFactor(information)
            inverse = try LAPACK.choleskyInverse(factor: factor)
        } catch {
            throw .lapack(error)
        }
        var halfLogDeterminant = 0.0
        for j in 0..<p { halfLogDeterminant += log(factor[j, j]) }

        // Hat values hᵢ = sᵢᵀ I⁻¹ sᵢ with S = √W X: T = S·I⁻¹ column by column (gemv), then
        // hᵢ = Σₖ Tᵢₖ Sᵢₖ.
        var hat = [Double](repeating: 0, count: n)
        if firth && p > 0 {
            var t = [Double](repeating: 0, count: n)
            scaled.withUnsafeBufferPointer { sb in
                inverse.elements.withUnsafeBufferPointer { cb in
                    for k in 0..<p {
                        t.withUnsafeMutableBufferPointer { tb in
                            BLAS.gemv(.none, rows: n, columns: p, alpha: 1, a: sb.baseAddress!, leadingDimension: n,
                                      x: cb.baseAddress! + k * p, beta: 0, y: tb.baseAddress!)
                        }
                        for i in 0..<n { hat[i] += t[i] * sb[k * n + i] }
                    }
                }
            }
        }
        // Score: Xᵀ(w(y − μ) + h(½ − μ)).
        var residual = [Double](repeating: 0, count: n)
        for i in 0..<n where weights[i] > 0 {
            residual[i] = weights[i] * (y[i] - mu[i]) + (firth ? hat[i] * (0.5 - mu[i]) : 0)
        }
        var newtonInverse: Matrix? = nil
        if firth && p > 0 {
            var sqrtAugmented = [Double](repeating: 0, count: n)
            for i in 0..<n where weights[i] > 0 {
                sqrtAugmented[i] = (mu[i] * (1 - mu[i]) * (weights[i] + hat[i])).squareRoot()
            }
            do {
                let augmented = IterativelyReweightedLeastSquares.weightedGram(x: x, sqrtW: sqrtAugmented).gram
                newtonInverse = try LAPACK.choleskyInverse(factor: try LAPACK.choleskyFactor(augmented))
            } catch {
                throw .lapack(error)
            }
        }
        var score = [Double](repeating: 0, count: p)
        if p > 0 {
            x.elements.withUnsafeBufferPointer { xb in
                residual.withUnsafeBufferPointer { rb in
                    score.withUnsafeMutableBufferPointer { sb in
                        BLAS.gemv(.transpose, rows: n, columns: p, alpha: 1, a: xb.baseAddress!, leadingDimension: n,
                                  x: rb.baseAddress!, beta: 0, y: sb.baseAddress!)
                    }
                }
            }
        }
        return PenalizedLogLikelihood(
            logLikelihood: logLikelihood, halfLogDeterminant: halfLogDeterminant, score: score,
            inverseInformation: inverse, newtonInverse: newtonInverse, eta: eta, mu: mu)
    }

    /// log(1 + eˣ) without overflow.
    @inline(__always) static func softplus(_ x: Double) -> Double {
        x > 0 ? x + log1p(exp(-x)) : log1p(exp(x))
    }
}
