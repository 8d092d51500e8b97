import Domain
import Foundation
import Scoring
import Statistics

/// Per tier A–D: count, observed event rate with a 95% Wilson score interval (statsmodels'
/// `proportion_confint(method="wilson")`; chosen over Clopper–Pearson because its coverage is
/// closer to nominal and it is never degenerate at 0 or n events), mean predicted probability,
/// the share of all events the tier captures, and lift. A higher tier with a LOWER observed rate
/// than a lower tier is a warning (tiers must be monotone in risk, issue 4); empty tiers are
/// skipped in that check.
public struct TierTable: Sendable {
    public let cutPoints: CutPoints
    public let rows: [TierRow]
    /// e.g. "tier C observed event rate 0.031 is below tier B's 0.045: tiers are not monotone";
    /// empty when monotone.
    public let warnings: [String]

    public init(probabilities p: [Double], outcomes y: [Double], cutPoints: CutPoints) throws(ReportError) {
        for (i, x) in p.enumerated() where !(x >= 0 && x <= 1) {
            throw .invalidValue(field: "probabilities[\(i)]", requirement: "a probability in [0, 1]", got: String(x))
        }
        let tiers = p.map { cutPoints.tier(for: $0) }
        let lift: LiftTable
        do {
            lift = try LiftTable(groups: tiers.map(\.rank), outcomes: y, groupCount: Tier.allCases.count)
        } catch {
            throw .statistics(error.description)
        }
        var sums = [Double](repeating: 0, count: Tier.allCases.count)
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

    /// Four decimals, for messages.
    static func format(_ x: Double) -> String {
        let scaled = (x * 10000).rounded() / 10000
        return "\(scaled)"
    }

    /// The table as text: one line per tier, then the warnings.
    public var text: String {
        var out = "tier  count  events  observed_rate  wilson_95_ci      mean_p    capture\n"
        for r in rows {
            let rate = r.count == 0 ? "-" : Self.format(r.eventRate)
            let ci = r.count == 0 ? "-" : "\(Self.format(r.eventRateInterval.lowerBound))–\(Self.format(r.eventRateInterval.upperBound))"
            let mean = r.count == 0 ? "-" : Self.format(r.meanProbability)
            let capture = r.capture.isNaN ? "-" : Self.format(r.capture)
            out += r.tier.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(r.count).leftPadded(5) + "  " + String(Int(r.events)).leftPadded(6) + "  "
                + rate.leftPadded(13) + "  " + ci.padding(toLength: 16, withPad: " ", startingAt: 0) + mean.leftPadded(8)
                + capture.leftPadded(11) + "\n"
        }
        for warning in warnings { out += "warning: \(warning)\n" }
        return out
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
