import Dispatch
import Foundation
import LinearAlgebra

/// The Fisher-scoring loop of R's `glm.fit` for the binomial logit model, on preallocated
/// buffers: X is read in place (column-major), √W·X is written into one n×p scratch buffer
/// reused by every step, and XᵀWX is formed by `dsyrk`.
struct IterativelyReweightedLeastSquares {
    /// Coefficients in design order; aliased ones are 0 (as R's Cdqrls leaves them).
    let coefficients: [Double]
    /// Indices of the non-aliased design columns, ascending.
    let kept: [Int]
    /// Inverse of the kept block of XᵀWX at the last step's weights.
    let covariance: Matrix
    let eta: [Double]
    let mu: [Double]
    let deviance: Double
    let iterations: Int
    let converged: Bool

    /// Rows at or above which the Gram step is split across two threads, each forming the
    /// partial Gram of half the rows (OpenBLAS's dsyrk ran on one core; splitting measured
    /// 1.5× faster at n = 10^6, p = 50 in shared/bench/README.md). A fixed count, not the
    /// machine's core count, so that results are bit-identical across machines.
    static let parallelRowThreshold = 20_000
    static let chunkCount = 2

    static func run(
        design x: Matrix, response y: [Double], weights: [Double], offset: [Double],
        startingMu: [Double]?, control: LogisticRegression.Control
    ) throws(StatisticsError) -> IterativelyReweightedLeastSquares {
        let n = x.rows, p = x.columns
        // Start (R): eta <- linkfun(mustart), the offset not added.
        var eta = [Double](repeating: 0, count: n)
        var mu = [Double](repeating: 0, count: n)
        for i in 0..<n {
            let start = startingMu?[i] ?? (weights[i] * y[i] + 0.5) / (weights[i] + 1)
            eta[i] = LogisticLink.link(start)
            mu[i] = LogisticLink.inverse(eta[i])
        }
        var devold = totalDeviance(y, mu, weights)

        var beta = [Double](repeating: 0, count: p)
        var kept: [Int] = []
        var factor = Matrix(rows: 0, columns: 0)
        var scaled = [Double](repeating: 0, count: n * p)
        var sqrtW = [Double](repeating: 0, count: n)
        var zw = [Double](repeating: 0, count: n)
        let chunks = n >= parallelRowThreshold ? chunkCount : 1
        var partialGram = [Double](repeating: 0, count: chunks * p * p)
        var partialRhs = [Double](repeating: 0, count: chunks * p)
        var converged = false
        var iterations = 0
        var deviance = devold

        for iteration in 1...max(1, control.maximumIterations) {
            iterations = iteration
            setWorkingValues(eta: eta, mu: mu, y: y, weights: weights, offset: offset, sqrtW: &sqrtW, zw: &zw)
            let system = sumPartials(
                formGram(x: x, sqrtW: sqrtW, zw: zw, scaled: &scaled, chunks: chunks,
                         partialGram: &partialGram, partialRhs: &partialRhs), p: p, chunks: chunks)
            // Aliasing is decided once, at the first step, where the working weights come from
            // the start μ = (w·y + ½)/(w + 1) and so reflect the design, not the fit. R's
            // Cdqrls re-decides it every step with tol = min(1e-7, ε/1000), which at R's
            // default ε (tol 1e-11) gives the same set for a design; at a fixed 1e-7, later
            // steps under (quasi-)separation would alias a column only because the weights of
            // the separated rows have collapsed to ~ε, and the deviance would jump back.
            if iteration == 1 {
                kept = system.gram.independentColumnsOfGram(tolerance: control.aliasingTolerance)
            }
            let step = try solve(system, kept: kept, scaled: scaled, zw: zw, rows: n)
            factor = step.factor
            let solution = step.solution
            beta = [Double](repeating: 0, count: p)
            for (k, j) in kept.enumerated() { beta[j] = solution[k] }

            // η = Xβ + offset; μ; deviance.
            x.elements.withUnsafeBufferPointer { xb in
                beta.withUnsafeBufferPointer { bb in
                    eta.withUnsafeMutableBufferPointer { eb in
                        if p > 0 {
                            BLAS.gemv(.none, rows: n, columns: p, alpha: 1, a: xb.baseAddress!, leadingDimension: n,
                                      x: bb.baseAddress!, beta: 0, y: eb.baseAddress!)
                        } else {
                            for i in 0..<n { eb[i] = 0 }
                        }
                    }
                }
            }
            for i in 0..<n {
                eta[i] += offset[i]
                mu[i] = LogisticLink.inverse(eta[i])
            }
            deviance = totalDeviance(y, mu, weights)
            // NOTE: R halves the step when the deviance is not finite; with the clamped link
            // above μ stays in (0, 1) and every unit deviance is finite, so that branch cannot
            // occur for the logit model.
            if abs(deviance - devold) / (abs(deviance) + 0.1) < control.epsilon {
                converged = true
                break
            }
            devold = deviance
        }
        // Standard errors from the Fisher information at the final estimate (DESIGN.md), which
        // costs one more Gram. R's summary.glm uses the weights at the start of the last step
        // instead; at R's ε = 1e-14 the two agree to 1e-10–1e-7 (reference notes), at the
        // default ε = 1e-10 to ~1e-5. Under separation the weights at the estimate can be so
        // small that XᵀWX is numerically singular: then the last step's information is used,
        // as R does.
        setWorkingValues(eta: eta, mu: mu, y: y, weights: weights, offset: offset, sqrtW: &sqrtW, zw: &zw)
        let finalSystem = sumPartials(
            formGram(x: x, sqrtW: sqrtW, zw: zw, scaled: &scaled, chunks: chunks,
                     partialGram: &partialGram, partialRhs: &partialRhs), p: p, chunks: chunks)
        let finalFactor = (try? solve(finalSystem, kept: kept, scaled: scaled, zw: zw, rows: n))?.factor ?? factor
        let covariance: Matrix
        do {
            covariance = try LAPACK.choleskyInverse(factor: finalFactor)
        } catch {
            do { covariance = try LAPACK.choleskyInverse(factor: factor) } catch { throw .lapack(error) }
        }
        return IterativelyReweightedLeastSquares(
            coefficients: beta, kept: kept, covariance: covariance, eta: eta, mu: mu,
            deviance: deviance, iterations: iterations, converged: converged)
    }

    /// Working weights √(w·(dμ/dη)²/V(μ)) and √W-scaled working response
    /// √W·(η − offset + (y − μ)/(dμ/dη)), R's `glm.fit` formulas; zero-weight rows get 0.
    static func setWorkingValues(
        eta: [Double], mu: [Double], y: [Double], weights: [Double], offset: [Double],
        sqrtW: inout [Double], zw: inout [Double]
    ) {
        for i in eta.indices {
            if weights[i] > 0 {
                let d = LogisticLink.derivative(eta[i])
                let variance = mu[i] * (1 - mu[i])
                let s = (weights[i] * d * d / variance).squareRoot()
                sqrtW[i] = s
                zw[i] = ((eta[i] - offset[i]) + (y[i] - mu[i]) / d) * s
            } else {
                sqrtW[i] = 0
                zw[i] = 0
            }
        }
    }

    /// Smallest relative Cholesky pivot (squared sine of the smallest angle between a kept
    /// √W-scaled column and the span of those before it) at which the normal equations are
    /// still used. Below it, κ(XᵀWX) > 1e8 and the Gram route would lose more than half the
    /// digits, so the step is solved by Householder QR of √W·X as R does (accuracy ε·κ(X)).
    /// Well-posed fits never take that path; quasi-separated ones do (R's iteration stops on
    /// a deviance change of 1e-14 relative, which a normal-equations solve cannot resolve).
    static let normalEquationsPivotThreshold = 1e-8

    /// The WLS step on the kept columns: Cholesky of XᵀWX, or QR of √W·X when ill-conditioned.
    /// Returns the solution and an upper triangular R with RᵀR = XᵀWX (kept block).
    static func solve(
        _ system: (gram: Matrix, rhs: [Double]), kept: [Int], scaled: [Double], zw: [Double], rows n: Int
    ) throws(StatisticsError) -> (solution: [Double], factor: Matrix) {
        let keptGram = system.gram.submatrix(rows: kept, columns: kept)
        let conditioning = keptGram.independentColumnsOfGramWithConditioning(tolerance: 0).smallestRelativePivot
        do {
            if conditioning >= normalEquationsPivotThreshold {
                let factor = try LAPACK.choleskyFactor(keptGram)
                return (try LAPACK.choleskySolve(factor: factor, kept.map { system.rhs[$0] }), factor)
            }
            // NOTE: allocates an n × rank copy; only ill-conditioned steps get here.
            var a = Matrix(rows: n, columns: kept.count)
            for (k, j) in kept.enumerated() {
                a.elements.replaceSubrange((k * n)..<((k + 1) * n), with: scaled[(j * n)..<((j + 1) * n)])
            }
            let (solution, r) = try LAPACK.leastSquares(a, zw)
            return (solution, r)
        } catch {
            throw .lapack(error)
        }
    }

    /// Adds the chunks' partial Grams (upper triangles) and right-hand sides, in chunk order,
    /// and mirrors the Gram to a full symmetric matrix.
    static func sumPartials(_ partials: (gram: [Double], rhs: [Double]), p: Int, chunks: Int) -> (gram: Matrix, rhs: [Double]) {
        var gram = Matrix(rows: p, columns: p)
        var rhs = [Double](repeating: 0, count: p)
        for c in 0..<chunks {
            for j in 0..<p {
                rhs[j] += partials.rhs[c * p + j]
                for i in 0...j { gram[i, j] += partials.gram[c * p * p + i + j * p] }
            }
        }
        for j in 0..<p { for i in 0..<j { gram[j, i] = gram[i, j] } }
        return (gram, rhs)
    }

    static func totalDeviance(_ y: [Double], _ mu: [Double], _ weights: [Double]) -> Double {
        var total = 0.0
        for i in y.indices { total += LogisticLink.deviance(y: y[i], mu: mu[i], weight: weights[i]) }
        return total
    }

    /// Writes √W·X into `scaled` and, per chunk of rows, the upper triangle of (√W X)ᵀ(√W X) and
    /// (√W X)ᵀ(√W z) into `partialGram`/`partialRhs`. Chunks run concurrently.
    static func formGram(
        x: Matrix, sqrtW: [Double], zw: [Double], scaled: inout [Double], chunks: Int,
        partialGram: inout [Double], partialRhs: inout [Double]
    ) -> (gram: [Double], rhs: [Double]) {
        let n = x.rows, p = x.columns
        guard p > 0 else { return (partialGram, partialRhs) }
        x.elements.withUnsafeBufferPointer { xb in
            sqrtW.withUnsafeBufferPointer { wb in
                zw.withUnsafeBufferPointer { zb in
                    scaled.withUnsafeMutableBufferPointer { sb in
                        partialGram.withUnsafeMutableBufferPointer { gb in
                            partialRhs.withUnsafeMutableBufferPointer { rb in
                                let buffers = GramBuffers(
                                    x: xb.baseAddress!, sqrtW: wb.baseAddress!, zw: zb.baseAddress!,
                                    scaled: sb.baseAddress!, gram: gb.baseAddress!, rhs: rb.baseAddress!)
                                let work: @Sendable (Int) -> Void = { c in
                                    let lo = n * c / chunks, hi = n * (c + 1) / chunks
                                    for j in 0..<p {
                                        let column = buffers.x + j * n, out = buffers.scaled + j * n
                                        for i in lo..<hi { out[i] = column[i] * buffers.sqrtW[i] }
                                    }
                                    BLAS.syrkTransposed(.upper, n: p, k: hi - lo, alpha: 1, a: buffers.scaled + lo,
                                                        leadingDimension: n, beta: 0, c: buffers.gram + c * p * p,
                                                        cLeadingDimension: p)
                                    BLAS.gemv(.transpose, rows: hi - lo, columns: p, alpha: 1, a: buffers.scaled + lo,
                                              leadingDimension: n, x: buffers.zw + lo, beta: 0, y: buffers.rhs + c * p)
                                }
                                if chunks == 1 {
                                    work(0)
                                } else {
                                    DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                                }
                            }
                        }
                    }
                }
            }
        }
        return (partialGram, partialRhs)
    }
}

/// Raw pointers into the buffers of one Gram step, shared by the row chunks. Each chunk writes
/// only its own rows of `scaled` and its own slices of `gram`/`rhs`, so there is no overlap.
private struct GramBuffers: @unchecked Sendable {
    let x: UnsafePointer<Double>
    let sqrtW: UnsafePointer<Double>
    let zw: UnsafePointer<Double>
    let scaled: UnsafeMutablePointer<Double>
    let gram: UnsafeMutablePointer<Double>
    let rhs: UnsafeMutablePointer<Double>
}
