/// Shared input checks of the validation statistics.
enum Validation {
    static func scoresAndOutcomes(scores: [Double], outcomes: [Double]) throws(StatisticsError) {
        guard scores.count == outcomes.count else {
            throw .dimensionMismatch(field: "outcomes", expected: scores.count, got: outcomes.count)
        }
        guard !scores.isEmpty else { throw .noObservations }
        for (i, s) in scores.enumerated() where !s.isFinite {
            throw .invalidValue(field: "scores", index: i, requirement: "finite", value: s)
        }
        for (i, y) in outcomes.enumerated() where y != 0 && y != 1 {
            throw .invalidValue(field: "outcomes", index: i, requirement: "0 or 1", value: y)
        }
    }

    static func probabilities(_ p: [Double], outcomes: [Double]) throws(StatisticsError) {
        try scoresAndOutcomes(scores: p, outcomes: outcomes)
        for (i, x) in p.enumerated() where !(x >= 0 && x <= 1) {
            throw .invalidValue(field: "probabilities", index: i, requirement: "in [0, 1]", value: x)
        }
    }
}
