import Dispatch
import Foundation
import LinearAlgebra

/// The Fisher-scoring loop of R's `glm.fit` for the binomial logit model, on preallocated
/// buffers: X is read in place (column-major), √W·X is formed one cache-sized block of rows at
/// a time, and XᵀWX is accumulated by `dsyrk` over the blocks.
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
    /// One-time switch of OpenBLAS to single-threaded calls: we thread rows ourselves, and
    /// results must not depend on OpenBLAS's thread count (see `BLAS.useSingleThreadedCalls`).
    static let openBLASConfigured: Bool = BLAS.useSingleThreadedCalls()

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
        let devold0 = totalDeviance(y, mu, weights)

        var beta = [Double](repeating: 0, count: p)
        var kept: [Int] = []
        var factor = Matrix(rows: 0, columns: 0)
        let chunks = n >= parallelRowThreshold ? chunkCount : 1
        // Always, not only when rows are split: OpenBLAS's own threading changes how dsyrk
        // blocks its sums, so a small fit's last bits would depend on whether a large fit ran
        // earlier in the process (seen: a model.json refit differing in the parallel test run).
        _ = openBLASConfigured
        var workspace = Workspace(rows: n, columns: p, chunks: chunks)
        var converged = false
        var iterations = 0
        var devold = devold0
        var deviance = devold0

        // One pass over X per step (`pass`): for each block of rows it computes η = Xβ + offset,
        // μ and the deviance for the step just taken, and from them the working weights and
        // the block's share of XᵀWX and XᵀWz for the next step, while the block is in cache.
        // The first pass only forms the Gram at the starting μ.
        var system = pass(x: x, y: y, weights: weights, offset: offset, beta: nil, eta: &eta, mu: &mu,
                          workspace: &workspace).system
        for iteration in 1...max(1, control.maximumIterations) {
            iterations = iteration
            // Aliasing is decided once, at the first step, where the working weights come from
            // the start μ = (w·y + ½)/(w + 1) and so reflect the design, not the fit. R's
            // Cdqrls re-decides it every step with tol = min(1e-7, ε/1000), which at R's
            // default ε (tol 1e-11) gives the same set for a design; at a fixed 1e-7, later
            // steps under (quasi-)separation would alias a column only because the weights of
            // the separated rows have collapsed to ~ε, and the deviance would jump back.
            if iteration == 1 {
                kept = Self.independentColumns(gram: system.gram, x: x, sqrtW: workspace.sqrtW, tolerance: control.aliasingTolerance)
            }
            let step = try solve(system, kept: kept, x: x, sqrtW: workspace.sqrtW, zw: workspace.zw)
            factor = step.factor
            beta = [Double](repeating: 0, count: p)
            for (k, j) in kept.enumerated() { beta[j] = step.solution[k] }

            let result = pass(x: x, y: y, weights: weights, offset: offset, beta: beta, eta: &eta, mu: &mu,
                              workspace: &workspace)
            system = result.system
            deviance = result.deviance
            // NOTE: R halves the step when the deviance is not finite; with the clamped link
            // μ stays in (0, 1) and every unit deviance is finite, so that branch cannot occur
            // for the logit model.
            if abs(deviance - devold) / (abs(deviance) + 0.1) < control.epsilon {
                converged = true
                break
            }
            devold = deviance
        }
        // Standard errors from the Fisher information at the final estimate (DESIGN.md): the
        // last pass already formed XᵀWX there. R's summary.glm uses the weights at the start
        // of the last step instead; at R's ε = 1e-14 the two agree to 1e-10–1e-7 (reference
        // notes), at the default ε = 1e-10 to ~1e-5. Under separation the weights at the
        // estimate can be so small that XᵀWX is numerically singular: then the last step's
        // information is used, as R does.
        let finalFactor = (try? solve(system, kept: kept, x: x, sqrtW: workspace.sqrtW, zw: workspace.zw))?.factor ?? factor
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

    /// R's rank decision (`dqrdc2`: column l is aliased when what is left of √W·xₗ after the
    /// kept columns before it is shorter than `tolerance` × its norm), taken from the Gram matrix
    /// when every column is clearly on one side: its relative pivot dₗ/Gₗₗ, the squared relative
    /// residual, is ≥ 1e4·tolerance² or ≤ 1e-4·tolerance². The Gram squares the condition
    /// number, so an exact dependency leaves a pivot at roundoff level times κ², which with
    /// tolerance² = 1e-14 can land near the threshold, and on which side depends on the order
    /// in which the BLAS kernel summed XᵀWX (the aliasing test failed with OpenBLAS's
    /// Cooperlake kernel and passed with Haswell's). When any column is that close, the decision
    /// is made on √W·X itself by Gram–Schmidt with reorthogonalisation (accuracy ε·κ, like
    /// Householder QR), at O(n·p²) once per fit.
    static func independentColumns(gram: Matrix, x: Matrix, sqrtW: [Double], tolerance: Double) -> [Int] {
        let decision = gram.independentColumnsOfGramWithPivots(tolerance: tolerance)
        let squared = tolerance * tolerance
        let ambiguous = decision.relativePivots.contains { $0 > 1e-4 * squared && $0 < 1e4 * squared }
        guard ambiguous else { return decision.columns }
        return independentColumnsByOrthogonalisation(x: x, sqrtW: sqrtW, tolerance: tolerance)
    }

    /// The columns of √W·X, in order, that keep more than `tolerance` of their norm after
    /// projecting out the kept columns before them (classical Gram–Schmidt applied twice, which
    /// is orthogonal to working precision). A zero column is always aliased.
    static func independentColumnsByOrthogonalisation(x: Matrix, sqrtW: [Double], tolerance: Double) -> [Int] {
        let n = x.rows
        var basis: [[Double]] = []
        var kept: [Int] = []
        for j in 0..<x.columns {
            var v = (0..<n).map { x.elements[j * n + $0] * sqrtW[$0] }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            for _ in 0..<2 {
                for q in basis {
                    var dot = 0.0
                    for i in 0..<n { dot += q[i] * v[i] }
                    for i in 0..<n { v[i] -= dot * q[i] }
                }
            }
            let left = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard left >= tolerance * norm else { continue }
            basis.append(v.map { $0 / left })
            kept.append(j)
        }
        return kept
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
        _ system: (gram: Matrix, rhs: [Double]), kept: [Int], x: Matrix, sqrtW: [Double], zw: [Double]
    ) throws(StatisticsError) -> (solution: [Double], factor: Matrix) {
        let n = x.rows
        let keptGram = system.gram.submatrix(rows: kept, columns: kept)
        let conditioning = keptGram.independentColumnsOfGramWithConditioning(tolerance: 0).smallestRelativePivot
        do {
            if conditioning >= normalEquationsPivotThreshold {
                let factor = try LAPACK.choleskyFactor(keptGram)
                return (try LAPACK.choleskySolve(factor: factor, kept.map { system.rhs[$0] }), factor)
            }
            // NOTE: allocates an n × rank copy of √W·X; only ill-conditioned steps get here.
            var a = Matrix(rows: n, columns: kept.count)
            for (k, j) in kept.enumerated() {
                for i in 0..<n { a.elements[k * n + i] = x.elements[j * n + i] * sqrtW[i] }
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

    /// Rows per block of √W·X: the block (rows × p doubles, 1.6 MB at p = 50) stays in cache
    /// between being written and being read by dsyrk/dgemv, and no n × p scratch copy of X
    /// is ever allocated (it cost 400 MB of page faults and as much memory traffic per step
    /// at n = 10^6, p = 50).
    static let blockRows = 4096

    /// Buffers reused by every pass: working weights and response (length n), one block
    /// buffer per chunk, and per-chunk partial Grams, right-hand sides and deviances.
    struct Workspace {
        var sqrtW: [Double]
        var zw: [Double]
        var blocks: [Double]
        var partialGram: [Double]
        var partialRhs: [Double]
        var partialDeviance: [Double]
        let chunks: Int

        init(rows n: Int, columns p: Int, chunks: Int) {
            sqrtW = [Double](repeating: 0, count: n)
            zw = [Double](repeating: 0, count: n)
            blocks = [Double](repeating: 0, count: chunks * IterativelyReweightedLeastSquares.blockRows * max(1, p))
            partialGram = [Double](repeating: 0, count: chunks * p * p)
            partialRhs = [Double](repeating: 0, count: chunks * p)
            partialDeviance = [Double](repeating: 0, count: chunks)
            self.chunks = chunks
        }
    }

    /// One pass over the rows, split in `chunks` concurrent row ranges, each walked in blocks
    /// of `blockRows`: with `beta`, first η = Xβ + offset, μ and the unit deviances of the
    /// block; then (always) the working weights and response, and the block's √W·X added into
    /// the chunk's Gram (dsyrk) and right-hand side (dgemv). Chunk sums are added in chunk
    /// order, so a result depends on n only, never on timing or the machine.
    static func pass(
        x: Matrix, y: [Double], weights: [Double], offset: [Double], beta: [Double]?,
        eta: inout [Double], mu: inout [Double], workspace: inout Workspace
    ) -> (system: (gram: Matrix, rhs: [Double]), deviance: Double) {
        let n = x.rows, p = x.columns, chunks = workspace.chunks
        let blockRows = Self.blockRows
        let coefficients = beta ?? []
        x.elements.withUnsafeBufferPointer { xb in
        y.withUnsafeBufferPointer { yb in
        weights.withUnsafeBufferPointer { pwb in
        offset.withUnsafeBufferPointer { ob in
        coefficients.withUnsafeBufferPointer { bb in
        eta.withUnsafeMutableBufferPointer { eb in
        mu.withUnsafeMutableBufferPointer { mb in
        workspace.sqrtW.withUnsafeMutableBufferPointer { wb in
        workspace.zw.withUnsafeMutableBufferPointer { zb in
        workspace.blocks.withUnsafeMutableBufferPointer { sb in
        workspace.partialGram.withUnsafeMutableBufferPointer { gb in
        workspace.partialRhs.withUnsafeMutableBufferPointer { rb in
        workspace.partialDeviance.withUnsafeMutableBufferPointer { db in
            let buffers = PassBuffers(
                x: xb.baseAddress, y: yb.baseAddress!, priorWeights: pwb.baseAddress!, offset: ob.baseAddress!,
                beta: beta == nil ? nil : bb.baseAddress, eta: eb.baseAddress!, mu: mb.baseAddress!,
                sqrtW: wb.baseAddress!, zw: zb.baseAddress!, blocks: sb.baseAddress!,
                gram: gb.baseAddress, rhs: rb.baseAddress, deviance: db.baseAddress!)
            let work: @Sendable (Int) -> Void = { c in
                let lo = n * c / chunks, hi = n * (c + 1) / chunks
                let block = buffers.blocks + c * blockRows * max(1, p)
                var deviance = 0.0
                if p > 0 {
                    for k in 0..<(p * p) { buffers.gram![c * p * p + k] = 0 }
                    for k in 0..<p { buffers.rhs![c * p + k] = 0 }
                }
                var start = lo
                while start < hi {
                    let rows = min(blockRows, hi - start)
                    let eta = buffers.eta + start, mu = buffers.mu + start
                    let y = buffers.y + start, w = buffers.priorWeights + start, offset = buffers.offset + start
                    if let beta = buffers.beta {
                        if p > 0 {
                            BLAS.gemv(.none, rows: rows, columns: p, alpha: 1, a: buffers.x! + start,
                                      leadingDimension: n, x: beta, beta: 0, y: eta)
                        } else {
                            for i in 0..<rows { eta[i] = 0 }
                        }
                        for i in 0..<rows {
                            eta[i] += offset[i]
                            mu[i] = LogisticLink.inverse(eta[i])
                            deviance += LogisticLink.deviance(y: y[i], mu: mu[i], weight: w[i])
                        }
                    }
                    // Working weights √(w·(dμ/dη)²/V(μ)) and √W·z, z = η − offset + (y − μ)/(dμ/dη)
                    // (R's glm.fit); zero-weight rows get 0.
                    let sqrtW = buffers.sqrtW + start, zw = buffers.zw + start
                    for i in 0..<rows {
                        if w[i] > 0 {
                            let d = LogisticLink.derivative(eta[i])
                            let variance = mu[i] * (1 - mu[i])
                            let s = (w[i] * d * d / variance).squareRoot()
                            sqrtW[i] = s
                            zw[i] = ((eta[i] - offset[i]) + (y[i] - mu[i]) / d) * s
                        } else {
                            sqrtW[i] = 0
                            zw[i] = 0
                        }
                    }
                    if p > 0 {
                        for j in 0..<p {
                            let column = buffers.x! + j * n + start, out = block + j * blockRows
                            for i in 0..<rows { out[i] = column[i] * sqrtW[i] }
                        }
                        BLAS.syrkTransposed(.upper, n: p, k: rows, alpha: 1, a: block, leadingDimension: blockRows,
                                            beta: 1, c: buffers.gram! + c * p * p, cLeadingDimension: p)
                        BLAS.gemv(.transpose, rows: rows, columns: p, alpha: 1, a: block, leadingDimension: blockRows,
                                  x: zw, beta: 1, y: buffers.rhs! + c * p)
                    }
                    start += rows
                }
                buffers.deviance[c] = deviance
            }
            if chunks == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
            }
        }}}}}}}}}}}}}
        let deviance = workspace.partialDeviance.reduce(0, +)
        return (sumPartials((workspace.partialGram, workspace.partialRhs), p: p, chunks: chunks), deviance)
    }
}

/// Raw pointers into the buffers of one pass, shared by the row chunks. Each chunk writes
/// only its own rows of η, μ, √W and √W·z, its own block buffer and its own slices of the
/// partial sums, so there is no overlap.
private struct PassBuffers: @unchecked Sendable {
    let x: UnsafePointer<Double>?
    let y: UnsafePointer<Double>
    let priorWeights: UnsafePointer<Double>
    let offset: UnsafePointer<Double>
    let beta: UnsafePointer<Double>?
    let eta: UnsafeMutablePointer<Double>
    let mu: UnsafeMutablePointer<Double>
    let sqrtW: UnsafeMutablePointer<Double>
    let zw: UnsafeMutablePointer<Double>
    let blocks: UnsafeMutablePointer<Double>
    let gram: UnsafeMutablePointer<Double>?
    let rhs: UnsafeMutablePointer<Double>?
    let deviance: UnsafeMutablePointer<Double>
}
