/// k-fold cross-validated AUC: each fold in turn is held out, the model is fitted on the other
/// folds and the held-out rows are scored. Reports the AUC of every fold, their mean, and the
/// pooled AUC of all out-of-fold predictions together (scikit-learn's `cross_val_score(…,
/// scoring="roc_auc")` gives the per-fold values for the same fold assignment).
public struct CrossValidation: Sendable {
    /// Fold (0..<foldCount) of every row.
    public let folds: [Int]
    public let foldCount: Int
    /// One hold-out per fold, fold 0 first.
    public let holdouts: [HoldoutValidation]
    /// AUC of all out-of-fold predictions against the outcomes.
    public let pooledAUC: Double

    /// The per-fold AUCs.
    public var foldAUCs: [Double] { holdouts.map(\.auc) }
    /// Mean of the per-fold AUCs.
    public var meanAUC: Double { foldAUCs.reduce(0, +) / Double(max(1, foldCount)) }

    /// Cross-validates with a given fold assignment (`folds[i]` in 0..<k, every fold non-empty).
    public init(_ regression: LogisticRegression, folds: [Int],
                estimator: (LogisticRegression) throws(StatisticsError) -> LogisticFit) throws(StatisticsError) {
        let n = regression.design.rows
        guard folds.count == n else { throw .dimensionMismatch(field: "folds", expected: n, got: folds.count) }
        let k = (folds.max() ?? -1) + 1
        guard k >= 2 else { throw .invalidValue(field: "folds", index: 0, requirement: "at least 2 distinct folds", value: Double(k)) }
        for (i, f) in folds.enumerated() where f < 0 {
            throw .invalidValue(field: "folds", index: i, requirement: "a fold number >= 0", value: Double(f))
        }
        var holdouts: [HoldoutValidation] = []
        var pooled = [Double](repeating: 0, count: n)
        for fold in 0..<k {
            let test = (0..<n).filter { folds[$0] == fold }
            guard !test.isEmpty else {
                throw .invalidValue(field: "folds", index: 0, requirement: "every fold 0..<\(k) non-empty; fold \(fold) is empty", value: Double(fold))
            }
            let holdout = try HoldoutValidation(regression, trainRows: (0..<n).filter { folds[$0] != fold }, testRows: test, estimator: estimator)
            for (i, p) in zip(test, holdout.testProbabilities) { pooled[i] = p }
            holdouts.append(holdout)
        }
        self.folds = folds
        self.foldCount = k
        self.holdouts = holdouts
        self.pooledAUC = try ReceiverOperatingCharacteristic(scores: pooled, outcomes: regression.response).auc
    }

    /// Cross-validates with `foldAssignment(count:folds:seed:)`.
    public init(_ regression: LogisticRegression, foldCount: Int, seed: UInt64,
                estimator: (LogisticRegression) throws(StatisticsError) -> LogisticFit) throws(StatisticsError) {
        let n = regression.design.rows
        guard foldCount >= 2, foldCount <= n else {
            throw .invalidValue(field: "foldCount", index: 0, requirement: "in 2...\(n) (the number of rows)", value: Double(foldCount))
        }
        try self.init(regression, folds: Self.foldAssignment(count: n, folds: foldCount, seed: seed), estimator: estimator)
    }

    /// Deterministic folds: the rows 0..<count are shuffled by Fisher–Yates driven by
    /// SplitMix64(seed) — for i from count−1 down to 1, j = next() mod (i + 1), swap(i, j) —
    /// and the row at shuffled position t gets fold t mod k. Fold sizes differ by at most 1.
    /// (The modulo bias of a 64-bit draw is < count/2⁶⁴, immaterial for folds.) The same text
    /// is implemented in Datasets/german_credit/reference/make_reference_cv.py.
    public static func foldAssignment(count: Int, folds k: Int, seed: UInt64) -> [Int] {
        precondition(k >= 1 && count >= 0, "k >= 1")
        var generator = SplitMix64(seed: seed)
        var order = Array(0..<count)
        if count > 1 {
            for i in stride(from: count - 1, through: 1, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        var folds = [Int](repeating: 0, count: count)
        for (position, row) in order.enumerated() { folds[row] = position % k }
        return folds
    }
}
