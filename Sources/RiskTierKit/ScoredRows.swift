import Domain

/// A saved formula model applied to the rows of a CSV: per row its file line, η, p and tier.
public struct ScoredRows: Sendable {
    public let lineNumbers: [Int]
    public let linearPredictor: [Double]
    public let probabilities: [Double]
    public let tiers: [Tier]
    /// The response column's 0/1 values when the CSV has it (for validation), else nil.
    public let outcomes: [Double]?

    /// `line,linear_predictor,probability,tier`, numbers in Swift's shortest round-trip form
    /// (re-reading them gives the same doubles).
    public var csv: String {
        var out = "line,linear_predictor,probability,tier\n"
        for i in probabilities.indices {
            out += "\(lineNumbers[i]),\(linearPredictor[i]),\(probabilities[i]),\(tiers[i].rawValue)\n"
        }
        return out
    }
}
