import Foundation

/// Scorecard points from log-odds, the usual "points to double the odds" (PDO) scaling:
/// points = base + PDO · log₂(odds / base odds), odds = (1 − p)/p (good : bad), so higher
/// points mean lower risk. Default: 600 points at odds 50:1 (p = 1/51 ≈ 0.0196, near the A/B
/// cut 0.02), 20 points to double the odds.
public struct ScorecardScaling: Hashable, Sendable, Codable {
    public let basePoints: Double
    public let baseOdds: Double
    public let pointsToDoubleOdds: Double

    public static let standard = ScorecardScaling(basePoints: 600, baseOdds: 50, pointsToDoubleOdds: 20)

    public init(basePoints: Double, baseOdds: Double, pointsToDoubleOdds: Double) {
        self.basePoints = basePoints
        self.baseOdds = baseOdds
        self.pointsToDoubleOdds = pointsToDoubleOdds
    }

    /// Points for linear predictor η = log(p/(1 − p)); computed from η, not p, so that
    /// extreme scores keep their precision (odds = e^(−η)).
    public func points(linearPredictor eta: Double) -> Double {
        basePoints + pointsToDoubleOdds * (-eta - log(baseOdds)) / log(2)
    }

    enum CodingKeys: String, CodingKey {
        case basePoints = "base_points", baseOdds = "base_odds", pointsToDoubleOdds = "points_to_double_odds"
    }
}
