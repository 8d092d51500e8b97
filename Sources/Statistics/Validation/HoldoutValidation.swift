/// An out-of-sample check of a logistic model: fit on the `train` rows, predict the `test`
/// rows, and read the ROC/AUC of those predictions against the test outcomes. The estimator is
/// the caller's (glm, Firth or ridge), so the check validates exactly the model that is saved.
public struct HoldoutValidation: Sendable {
    public let trainRows: [Int]
    public let testRows: [Int]
    /// Predicted probabilities of the test rows, in `testRows` order.
    public let testProbabilities: [Double]
    /// ROC of `testProbabilities` against the test outcomes (0/1).
    public let roc: ReceiverOperatingCharacteristic
    /// Whether the training fit converged.
    public let converged: Bool

    public var auc: Double { roc.auc }

    /// Fits `estimator(regression.rows(trainRows))` and scores `testRows`. Throws when either
    /// side is empty or the test outcomes are not all 0/1 or hold only one class.
    public init(_ regression: LogisticRegression, trainRows: [Int], testRows: [Int],
                estimator: (LogisticRegression) throws(StatisticsError) -> LogisticFit) throws(StatisticsError) {
        guard !trainRows.isEmpty, !testRows.isEmpty else { throw .noObservations }
        let fit = try estimator(try regression.rows(trainRows))
        let test = try regression.rows(testRows)
        let probabilities = test.probabilities(estimates: fit.coefficients.map(\.estimate))
        self.trainRows = trainRows
        self.testRows = testRows
        self.testProbabilities = probabilities
        self.roc = try ReceiverOperatingCharacteristic(scores: probabilities, outcomes: test.response)
        self.converged = fit.converged
    }
}
