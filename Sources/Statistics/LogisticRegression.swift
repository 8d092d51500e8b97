import LinearAlgebra

/// A binomial GLM with logit link, specified as R's `glm.fit` takes it: a design matrix (one
/// column per coefficient, in order), a response in [0, 1] (0/1, or a proportion with the
/// number of trials as prior weight), prior weights and an offset.
public struct LogisticRegression: Sendable {
    /// How the iteration runs and when it stops.
    public struct Control: Sendable, Equatable {
        /// Convergence when |dev − devold| / (|dev| + 0.1) < `epsilon` (R's `glm.control` rule).
        public var epsilon: Double
        /// Iteration limit. R's default is 25 at ε = 1e-8; at the tighter default ε = 1e-10 a
        /// well-posed logistic fit still converges in < 10 Fisher steps, and 100 leaves room
        /// for slow (quasi-separated) fits to reach their R-comparable end point.
        public var maximumIterations: Int
        /// Relative residual norm below which a column counts as a linear combination of the
        /// ones before it (aliased, NA). R uses min(1e-7, ε/1000); DESIGN.md fixes 1e-7.
        public var aliasingTolerance: Double

        public init(epsilon: Double = 1e-10, maximumIterations: Int = 100, aliasingTolerance: Double = 1e-7) {
            self.epsilon = epsilon
            self.maximumIterations = maximumIterations
            self.aliasingTolerance = aliasingTolerance
        }
    }

    /// n × p design, column-major.
    public let design: Matrix
    /// One name per design column (R's term names, e.g. `(Intercept)`, `purposecar`).
    public let termNames: [String]
    /// The response: 0/1, or a proportion of successes out of `priorWeights` trials.
    public let response: [Double]
    /// Prior weights (all 1 when not given). A zero weight drops the row as R does.
    public let priorWeights: [Double]
    /// Offset added to the linear predictor (all 0 when not given).
    public let offset: [Double]?
    /// The design column holding the intercept, if the model has one (null deviance, df).
    public let interceptColumn: Int?
    public let control: Control

    /// Validates the shapes and domains; throws `StatisticsError` naming the first bad value.
    public init(
        design: Matrix, termNames: [String], response: [Double], priorWeights: [Double]? = nil,
        offset: [Double]? = nil, interceptColumn: Int?, control: Control = Control()
    ) throws(StatisticsError) {
        let n = design.rows
        guard termNames.count == design.columns else {
            throw .dimensionMismatch(field: "termNames", expected: design.columns, got: termNames.count)
        }
        guard response.count == n else { throw .dimensionMismatch(field: "response", expected: n, got: response.count) }
        let weights = priorWeights ?? [Double](repeating: 1, count: n)
        guard weights.count == n else { throw .dimensionMismatch(field: "weights", expected: n, got: weights.count) }
        if let offset, offset.count != n { throw .dimensionMismatch(field: "offset", expected: n, got: offset.count) }
        for (i, w) in weights.enumerated() where !(w.isFinite && w >= 0) {
            throw .invalidValue(field: "weights", index: i, requirement: "finite and >= 0", value: w)
        }
        for (i, y) in response.enumerated() where !(y >= 0 && y <= 1) {
            throw .invalidValue(field: "response", index: i, requirement: "in [0, 1]", value: y)
        }
        if let offset {
            for (i, o) in offset.enumerated() where !o.isFinite {
                throw .invalidValue(field: "offset", index: i, requirement: "finite", value: o)
            }
        }
        for (i, x) in design.elements.enumerated() where !x.isFinite {
            throw .invalidValue(field: "design[\(termNames[i / max(1, n)])]", index: i % max(1, n),
                                requirement: "finite", value: x)
        }
        guard weights.contains(where: { $0 > 0 }) else { throw .noObservations }
        if let interceptColumn { precondition(interceptColumn >= 0 && interceptColumn < design.columns) }
        self.design = design
        self.termNames = termNames
        self.response = response
        self.priorWeights = weights
        self.offset = offset
        self.interceptColumn = interceptColumn
        self.control = control
    }
}
