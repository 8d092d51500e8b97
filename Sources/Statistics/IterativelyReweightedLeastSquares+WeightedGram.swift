import LinearAlgebra

extension IterativelyReweightedLeastSquares {
    /// XᵀWX for given √w (one thread, one dsyrk over all rows), symmetrised, and √W·X
    /// (column-major n×p) itself, which Firth's hat values need. Used by the
    /// penalised (Firth, ridge) fits, which need the information at a trial β outside the
    /// fused IRLS pass; their designs are analyst-sized, so no row splitting.
    static func weightedGram(x: Matrix, sqrtW: [Double]) -> (gram: Matrix, scaled: [Double]) {
        let n = x.rows, p = x.columns
        var gram = Matrix(rows: p, columns: p)
        guard p > 0, n > 0 else { return (gram, []) }
        var scaled = [Double](repeating: 0, count: n * p)
        for j in 0..<p {
            for i in 0..<n { scaled[j * n + i] = x[i, j] * sqrtW[i] }
        }
        var upper = [Double](repeating: 0, count: p * p)
        scaled.withUnsafeBufferPointer { a in
            upper.withUnsafeMutableBufferPointer { c in
                BLAS.syrkTransposed(.upper, n: p, k: n, alpha: 1, a: a.baseAddress!, leadingDimension: n,
                                    beta: 0, c: c.baseAddress!, cLeadingDimension: p)
            }
        }
        for j in 0..<p {
            for i in 0...j {
                gram[i, j] = upper[i + j * p]
                gram[j, i] = upper[i + j * p]
            }
        }
        return (gram, scaled)
    }
}
