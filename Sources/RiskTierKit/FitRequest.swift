import Statistics

/// What `risktier fit --csv` was asked to do.
public struct FitRequest: Sendable {
    /// Path of the CSV file.
    public var csvPath: String
    /// The formula text, e.g. `y ~ x1 + factor(c, ref = "a")`.
    public var formula: String
    /// Prior weights column (trials for a proportion response).
    public var weightsColumn: String?
    /// Offset column.
    public var offsetColumn: String?
    /// Iteration control (defaults: ε = 1e-10, at most 100 steps, aliasing tolerance 1e-7).
    public var control: LogisticRegression.Control
    /// The estimator (`--firth`, `--ridge`); plain maximum likelihood by default.
    public var penalty: FitPenalty = .none

    public init(csvPath: String, formula: String, weightsColumn: String? = nil, offsetColumn: String? = nil,
                control: LogisticRegression.Control = .init()) {
        self.csvPath = csvPath
        self.formula = formula
        self.weightsColumn = weightsColumn
        self.offsetColumn = offsetColumn
        self.control = control
    }
}
