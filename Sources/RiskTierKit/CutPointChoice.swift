import Scoring

/// How `risktier fit --csv … --model-id` sets the model's tier cut points: fixed
/// probabilities (`--cut-probabilities`, default DOMAIN.md §2.2's 0.02/0.05/0.15) or target
/// tier shares of the training rows' fitted probabilities (`--cut-shares`).
public enum CutPointChoice: Sendable, Equatable {
    case probabilities(CutPoints)
    /// Shares of tiers A, B, C, D (summing to 1).
    case shares([Double])

    public static let standard = CutPointChoice.probabilities(.standard)

    /// The cut points for a model whose training rows have `fittedProbabilities`.
    public func cutPoints(fittedProbabilities: [Double]) throws(ScoringError) -> CutPoints {
        switch self {
        case let .probabilities(cuts): cuts
        case let .shares(shares): try CutPoints(shares: shares, of: fittedProbabilities)
        }
    }
}
