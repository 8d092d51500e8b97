/// A better tier proposed in consecutive runs but not yet applied (stability rule, DOMAIN.md
/// §2.3): how many runs in a row, and the worst tier proposed during the streak (the tier
/// applied when the streak is long enough, so a run that proposed B and one that proposed A
/// release B).
public struct PendingImprovement: Hashable, Sendable, Codable {
    public let runs: Int
    public let tier: Tier

    public init(runs: Int, tier: Tier) {
        self.runs = runs
        self.tier = tier
    }
}
