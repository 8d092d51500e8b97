import Foundation
import Reports
import Scoring
import Testing

/// Tier cut points and the tier table against Datasets/german_credit/reference/tiers.json
/// (statsmodels' Wilson intervals, numpy counts; script make_reference_tiers.py beside it).
@Suite("Tier cut points and tier table")
struct TierTableTests {
    static func scores() throws -> (p: [Double], y: [Double]) {
        let text = try String(contentsOfFile: Repository.path("Datasets/german_credit/reference/validation_scores.csv"), encoding: .utf8)
        var p: [Double] = [], y: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",")
            y.append(Double(fields[0])!)
            p.append(Double(fields[1])!)
        }
        return (p, y)
    }

    /// Counts, events and captures are exact (integers and their ratios: 1e-15 relative).
    /// Wilson bounds: the same closed form in both, our normal quantile vs scipy's: 1e-12.
    static func check(_ table: TierTable, _ rows: [[String: Any]]) {
        for (ours, r) in zip(table.rows, rows) {
            #expect(ours.tier.rawValue == r["tier"] as! String)
            #expect(ours.count == r["count"] as! Int, "count \(ours.tier)")
            #expect(ours.events == Double(r["events"] as! Int), "events \(ours.tier)")
            #expect(close(ours.eventRate, r["rate"] as? Double, relative: 1e-15), "rate \(ours.tier)")
            #expect(close(ours.eventRateInterval.lowerBound, r["wilson_lower"] as? Double, relative: 1e-12), "lower \(ours.tier)")
            #expect(close(ours.eventRateInterval.upperBound, r["wilson_upper"] as? Double, relative: 1e-12), "upper \(ours.tier)")
            #expect(close(ours.capture, r["capture"] as? Double, relative: 1e-15), "capture \(ours.tier)")
            #expect(close(ours.meanProbability, r["mean_p"] as? Double, relative: 1e-12), "mean p \(ours.tier)")
        }
        #expect(table.rows.count == 4)
    }

    @Test("fixed cut points 0.1 / 0.3 / 0.6")
    func fixedCutPoints() throws {
        let (p, y) = try Self.scores()
        let reference = try Repository.json("Datasets/german_credit/reference/tiers.json")["fixed"] as! [String: Any]
        let table = try TierTable(probabilities: p, outcomes: y, cutPoints: CutPoints(b: 0.1, c: 0.3, d: 0.6))
        Self.check(table, reference["rows"] as! [[String: Any]])
        #expect(table.warnings.isEmpty)
    }

    /// The share rule is a documented computation on the sorted scores; the script
    /// re-implements it (same doubles, same midpoint formula), so the cut points agree to the
    /// last bit in the file; 5e-16 relative because Foundation's JSONSerialization on Linux may
    /// read a 17-digit number a few ulp off (observed: 2 ulp, …646 as …648).
    @Test("cut points from target shares 0.4 / 0.3 / 0.2 / 0.1")
    func shareCutPoints() throws {
        let (p, y) = try Self.scores()
        let reference = try Repository.json("Datasets/german_credit/reference/tiers.json")["shares"] as! [String: Any]
        let cuts = try CutPoints(shares: reference["shares"] as! [Double], of: p)
        for (ours, expected) in zip(cuts.values, reference["cut_points"] as! [Double]) {
            #expect(close(ours, expected, relative: 5e-16), "cut \(ours)")
        }
        let table = try TierTable(probabilities: p, outcomes: y, cutPoints: cuts)
        Self.check(table, reference["rows"] as! [[String: Any]])
        #expect(table.rows.map(\.count) == [400, 300, 200, 100])
    }

    @Test("a higher tier with a lower observed rate is a warning")
    func nonMonotone() throws {
        // B: 2 of 4 events (0.5); C: 1 of 4 (0.25); A and D empty.
        let p = [0.03, 0.03, 0.04, 0.04, 0.06, 0.07, 0.08, 0.09]
        let y: [Double] = [1, 1, 0, 0, 1, 0, 0, 0]
        let table = try TierTable(probabilities: p, outcomes: y, cutPoints: .standard)
        #expect(table.rows.map(\.count) == [0, 4, 4, 0])
        #expect(table.warnings == ["tier C observed event rate 0.25 is below tier B's 0.5: tiers are not monotone"])
        #expect(table.text.contains("warning: tier C observed event rate 0.25 is below tier B's 0.5: tiers are not monotone"))
    }

    @Test("share errors: shares not summing to 1, and ties that make two cut points equal")
    func shareErrors() throws {
        let bad = #expect(throws: ScoringError.self) { try CutPoints(shares: [0.5, 0.5, 0.5, 0], of: [0.1, 0.2]) }
        #expect(bad?.description == "cut points: `--cut-shares` must be four non-negative shares A,B,C,D summing to 1; got 0.5,0.5,0.5,0.0")
        let tied = #expect(throws: ScoringError.self) { try CutPoints(shares: [0.25, 0.25, 0.25, 0.25], of: [0.1, 0.1, 0.1, 0.1]) }
        #expect(tied?.description.hasPrefix("cut points: `--cut-shares` must be shares that give three distinct cut points on these scores") == true)
    }

    @Test("at a cut point the higher tier")
    func tieAtCut() throws {
        let cuts = try CutPoints(b: 0.1, c: 0.3, d: 0.6)
        #expect(cuts.tier(for: 0.1) == .b)
        #expect(cuts.tier(for: 0.1.nextDown) == .a)
        #expect(cuts.tier(for: 0.6) == .d)
    }
}
