import LinearAlgebra

extension LogisticRegression {
    /// The same model on a subset of the rows (in the given order), for hold-out fits.
    public func rows(_ indices: [Int]) throws(StatisticsError) -> LogisticRegression {
        try LogisticRegression(design: design.submatrix(rows: indices, columns: Array(0..<design.columns)), termNames: termNames,
                               response: indices.map { response[$0] }, priorWeights: indices.map { priorWeights[$0] },
                               offset: offset.map { o in indices.map { o[$0] } }, interceptColumn: interceptColumn, control: control)
    }

    /// Probabilities for this model's rows under coefficients `estimates` (nil = aliased = 0).
    public func probabilities(estimates: [Double?]) -> [Double] {
        LogisticPrediction.probabilities(design: design, coefficients: estimates, offset: offset)
    }
}
