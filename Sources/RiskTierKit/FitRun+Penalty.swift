import Statistics

extension FitRun {
    /// Fits `model` with the estimator the request names (the `--firth`/`--ridge` hook of
    /// `fit(_:)`); profile intervals, when computed, go into the result's `profileIntervals`.
    static func estimate(_ model: LogisticRegression, penalty: FitPenalty) throws(StatisticsError)
        -> (fit: LogisticFit, profileIntervals: [ProfileInterval?]?, penalizedLogLikelihood: Double?) {
        switch penalty {
        case .none:
            return (try model.fit(), nil, nil)
        case let .firth(level):
            let firth = try model.fitFirth(profileLevel: level)
            return (firth.fit, level == nil ? nil : firth.profileIntervals, firth.penalizedLogLikelihood)
        case let .ridge(ridge):
            return (try model.fitRidge(ridge), nil, nil)
        }
    }
}

extension FitPenalty {
    /// The estimator as a function of the regression (no profile intervals): what the
    /// validations refit on each training subset.
    public var estimator: @Sendable (LogisticRegression) throws(StatisticsError) -> LogisticFit {
        switch self {
        case .none: { (model: LogisticRegression) throws(StatisticsError) -> LogisticFit in try model.fit() }
        case .firth: { (model: LogisticRegression) throws(StatisticsError) -> LogisticFit in try model.fitFirth(profileLevel: nil).fit }
        case let .ridge(ridge): { (model: LogisticRegression) throws(StatisticsError) -> LogisticFit in try model.fitRidge(ridge) }
        }
    }
}
