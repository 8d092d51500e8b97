import Domain
import Scoring

/// The report's name for the project's one cut-point type, `Scoring.CutPoints` (issue 4
/// merged the report's own type into it), so the report code reads as it was written.
public typealias TierCutPoints = CutPoints

extension CutPoints {
    /// Lower bound of tier B (the A|B cut).
    public var lowerB: Double { b }
    /// Lower bound of tier C (the B|C cut).
    public var lowerC: Double { c }
    /// Lower bound of tier D (the C|D cut).
    public var lowerD: Double { d }

    /// The tier of a probability (at a cut: the higher tier).
    public func tier(_ p: Double) -> Tier { tier(for: p) }
}
