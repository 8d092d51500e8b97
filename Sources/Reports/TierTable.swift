// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Domain
import Statistics

/// Per tier A–D: count, observed event rate with a Wilson interval, capture and lift, and a
/// warning for every pair of non-empty tiers where the higher tier has a LOWER observed rate
/// (tiers must be monotone in risk).
public struct TierTable: Sendable {
    public let cutPoints: TierCutPoints
    public let rows: [TierRow]
    /// e.g. "tier C observed event rate 0.031 is below tier B's 0.045"; empty when monotone.
    public let warnings: [String]

    public init(probabilities p: [Double], outcomes y: [Double], cutPoints: TierCutPoints) throws(ReportError) {
        let tiers = p.map(cutPoints.tier)
        let lift: LiftTable
        do {
            lift = try LiftTable(groups: tiers.map(\.rank), outcomes: y, groupCount: Tier.allCases.count)
        } catch {
            throw .statistics(error.description)
        }
        var sums = [Double](repeating: 0, count: 4)
        for (t, v) in zip(tiers, p) { sums[t.rank] += v }
        rows = Tier.allCases.map { tier in
            let r = lift.rows[tier.rank]
            return TierRow(tier: tier, count: r.count, events: r.events, eventRate: r.eventRate,
                           eventRateInterval: r.eventRateInterval,
                           meanProbability: r.count == 0 ? .nan : sums[tier.rank] / Double(r.count),
                           capture: r.capture, lift: r.lift)
        }
        var warnings: [String] = []
        let filled = rows.filter { $0.count > 0 }
        for (k, lower) in filled.enumerated() {
            for higher in filled.dropFirst(k + 1) where higher.eventRate < lower.eventRate {
                warnings.append("tier \(higher.tier.rawValue) observed event rate \(Self.format(higher.eventRate)) is below tier \(lower.tier.rawValue)'s \(Self.format(lower.eventRate)): tiers are not monotone")
            }
        }
        self.cutPoints = cutPoints
        self.warnings = warnings
    }

    static func format(_ x: Double) -> String {
        let scaled = (x * 10000).rounded() / 10000
        return "\(scaled)"
    }
}
