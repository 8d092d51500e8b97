extension Matrix {
    /// The columns of a design X, in order, that are not (within `tolerance`, relative) a
    /// linear combination of the kept columns before them, found from the Gram matrix G = XᵀX
    /// (`self`; its upper triangle is read).
    ///
    /// This is R's rank decision in `glm.fit`/`lm.fit` (LINPACK `dqrdc2` with limited column
    /// pivoting) done on the Gram matrix: `dqrdc2` moves column l to the end when the norm of
    /// what is left of it after the Householder steps of the kept columns falls below
    /// `tolerance ×` its original norm. That remaining norm is √dₗ, the pivot of an
    /// unpivoted Cholesky factorisation of G restricted to the kept columns, and the original
    /// norm is √Gₗₗ; so column l is dropped when dₗ < tolerance²·Gₗₗ (a zero column, Gₗₗ = 0, is
    /// always dropped, as in `dqrdc2`, which uses 1 as the norm of a zero column). The Gram
    /// route loses accuracy as κ², which only blurs columns whose relative residual is within
    /// about √ε ≈ 1.5e-8 of the 1e-7 threshold: exact dependencies (dummy sums, duplicated or
    /// summed columns) leave residuals at the ε level and are dropped either way.
    public func independentColumnsOfGram(tolerance: Double) -> [Int] {
        independentColumnsOfGramWithConditioning(tolerance: tolerance).columns
    }

    /// `independentColumnsOfGram` and the smallest kept relative pivot dₗ/Gₗₗ: the squared sine
    /// of the smallest angle between a kept column and the span of the kept ones before it
    /// (1 for orthogonal columns). A scale-free measure of how ill-conditioned the kept design
    /// is, used to decide whether the normal equations are accurate enough.
    public func independentColumnsOfGramWithConditioning(tolerance: Double) -> (columns: [Int], smallestRelativePivot: Double) {
        let result = independentColumnsOfGramWithPivots(tolerance: tolerance)
        return (result.columns, result.smallestRelativePivot)
    }

    /// `independentColumnsOfGramWithConditioning` and, for every column l, its relative pivot
    /// dₗ/Gₗₗ against the kept columns before it (0 for a zero column; at the ε level, or
    /// negative, for an exact dependency): how close each decision was to the tolerance.
    public func independentColumnsOfGramWithPivots(tolerance: Double) -> (columns: [Int], smallestRelativePivot: Double, relativePivots: [Double]) {
        precondition(rows == columns, "a Gram matrix is square")
        let p = rows
        // Upper Cholesky factor rows for kept columns: r[k][j] for k kept, j > k.
        var factor = [Double](repeating: 0, count: p * p)
        var kept: [Int] = []
        var smallest = 1.0
        var pivots = [Double](repeating: 0, count: p)
        let toleranceSquared = tolerance * tolerance
        for l in 0..<p {
            var d = self[l, l]
            for k in kept { d -= factor[k + l * p] * factor[k + l * p] }
            pivots[l] = self[l, l] > 0 ? d / self[l, l] : 0
            if !(d >= toleranceSquared * self[l, l]) || d <= 0 { continue }
            let pivot = d.squareRoot()
            factor[l + l * p] = pivot
            for j in (l + 1)..<max(l + 1, p) {
                var s = self[l, j]
                for k in kept { s -= factor[k + l * p] * factor[k + j * p] }
                factor[l + j * p] = s / pivot
            }
            kept.append(l)
            smallest = min(smallest, d / self[l, l])
        }
        return (kept, smallest, pivots)
    }
}
