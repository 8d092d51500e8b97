import Foundation
import Statistics
import Testing

/// Validation statistics on fixed scores (Datasets/*/reference/validation_scores.csv: R glm
/// fitted probabilities) against scikit-learn 1.9.1, pROC 1.18.0 (DeLong), R's
/// hoslem.test algorithm, numpy (PSI) and statsmodels/pandas (Wilson, lift), all made by the
/// scripts committed beside them.
@Suite("Validation statistics against scikit-learn, pROC, R, statsmodels")
struct ValidationStatisticTests {
    static let datasets = ["german_credit", "statsmodels_spector"]

    static func scores(_ dataset: String) throws -> (y: [Double], p: [Double], baseline: [Double]) {
        let text = try String(contentsOfFile: Repository.path("Datasets/\(dataset)/reference/validation_scores.csv"), encoding: .utf8)
        var y: [Double] = [], p: [Double] = [], b: [Double] = []
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map { Double($0)! }
            y.append(f[0]); p.append(f[1]); b.append(f[2])
        }
        return (y, p, b)
    }

    /// AUC, Gini, KS are exact rational functions of rank counts: sklearn's and ours differ by
    /// summation order only, 1e-12. DeLong's variance is a sum of n squared placements: 1e-10
    /// relative. Brier and log-loss are means of n terms: 1e-12 relative.
    @Test("AUC, Gini, KS, DeLong, Brier, log-loss", arguments: datasets)
    func discrimination(_ dataset: String) throws {
        let reference = try Repository.json("Datasets/\(dataset)/reference/validation.json")
        let (y, p, _) = try Self.scores(dataset)
        let roc = try ReceiverOperatingCharacteristic(scores: p, outcomes: y)
        #expect(close(roc.auc, reference["auc"] as? Double, relative: 1e-12))
        #expect(close(roc.gini, reference["gini"] as? Double, relative: 1e-12))
        #expect(close(roc.ks.statistic, reference["ks"] as? Double, relative: 1e-12))
        // The threshold is one of the scores: equal up to the last bit of the CSV round trip.
        #expect(close(roc.ks.threshold, reference["ks_threshold"] as? Double, relative: 1e-15))
        #expect(close(roc.delongVariance, reference["auc_delong_variance"] as? Double, relative: 1e-10))
        let ci = reference["auc_delong_ci95"] as! [Double]
        let ours = roc.delongInterval()
        #expect(close(ours.lowerBound, ci[0], relative: 1e-9))
        #expect(close(ours.upperBound, ci[1], relative: 1e-9))
        #expect(close(try ProbabilityScore.brier(probabilities: p, outcomes: y), reference["brier"] as? Double, relative: 1e-12))
        #expect(close(try ProbabilityScore.logLoss(probabilities: p, outcomes: y), reference["log_loss"] as? Double, relative: 1e-12))
        #expect(roc.events == reference["events"] as? Int)
    }

    /// The statistic is a sum of ≤ 20 terms (1e-10 relative); the p-value goes through our
    /// incomplete gamma vs R's pchisq (1e-10 relative). Bins must match exactly (counts).
    @Test("Hosmer-Lemeshow and the decile calibration table with Wilson intervals", arguments: datasets)
    func hosmerLemeshow(_ dataset: String) throws {
        let reference = try Repository.json("Datasets/\(dataset)/reference/validation.json")
        let hl = reference["hosmer_lemeshow"] as! [String: Any]
        let (y, p, _) = try Self.scores(dataset)
        let test = try HosmerLemeshowTest(probabilities: p, outcomes: y)
        #expect(close(test.statistic, hl["statistic"] as? Double, relative: 1e-10))
        #expect(test.degreesOfFreedom == hl["df"] as? Int)
        #expect(close(test.pValue, hl["p_value"] as? Double, relative: 1e-10))
        let breaks = hl["breaks"] as! [Double]
        #expect(test.table.breaks.count == breaks.count)
        // Type-7 interpolation: R and ours round the interpolation differently, a few ulps.
        for (a, b) in zip(test.table.breaks, breaks) { #expect(close(a, b, relative: 1e-14)) }
        let bins = hl["bins"] as! [[String: Any]]
        let wilson = (try Repository.json("Datasets/\(dataset)/reference/calibration_wilson.json"))["bins"] as! [[String: Any]]
        #expect(test.table.bins.count == bins.count)
        for (k, (ours, r)) in zip(test.table.bins, bins).enumerated() {
            #expect(ours.count == r["n"] as? Int, "bin \(k)")
            #expect(ours.observedEvents == (r["observed_events"] as! NSNumber).doubleValue, "bin \(k)")
            #expect(close(ours.expectedEvents, r["expected_events"] as? Double, relative: 1e-12), "bin \(k)")
            // Wilson: closed form; statsmodels and ours differ by rounding only.
            #expect(close(ours.observedRateInterval.lowerBound, wilson[k]["wilson_lower"] as? Double, relative: 1e-12, absolute: 1e-15))
            #expect(close(ours.observedRateInterval.upperBound, wilson[k]["wilson_upper"] as? Double, relative: 1e-12))
        }
    }

    /// Lift and capture by decile bin against pandas groupby: exact ratios of counts, 1e-12.
    @Test("lift and capture by decile", arguments: datasets)
    func lift(_ dataset: String) throws {
        let reference = try Repository.json("Datasets/\(dataset)/reference/calibration_wilson.json")
        let (y, p, _) = try Self.scores(dataset)
        let table = try CalibrationTable(probabilities: p, outcomes: y)
        let groups = p.map { v in table.breaks.indices.dropFirst().first { v <= table.breaks[$0] }! - 1 }
        let lift = try LiftTable(groups: groups, outcomes: y, groupCount: table.breaks.count - 1)
        let rows = reference["lift_by_bin"] as! [[String: Any]]
        #expect(lift.rows.count == rows.count)
        for (ours, r) in zip(lift.rows, rows) {
            #expect(ours.count == r["count"] as? Int)
            #expect(close(ours.lift, r["lift"] as? Double, relative: 1e-12))
            #expect(close(ours.capture, r["capture"] as? Double, relative: 1e-12))
        }
    }

    /// PSI against numpy: quantile cut points 1e-15 relative, shares exact, value 1e-12.
    @Test("population stability index", arguments: datasets)
    func psi(_ dataset: String) throws {
        let reference = (try Repository.json("Datasets/\(dataset)/reference/validation.json"))["psi"] as! [String: Any]
        let (_, p, baseline) = try Self.scores(dataset)
        let psi = try PopulationStabilityIndex(baseline: baseline, current: p)
        for (a, b) in zip(psi.cutPoints, reference["cut_points"] as! [Double]) { #expect(close(a, b, relative: 1e-14)) }
        #expect(psi.baselineShares == reference["expected_share"] as! [Double])
        #expect(psi.currentShares == reference["actual_share"] as! [Double])
        #expect(close(psi.value, reference["value"] as? Double, relative: 1e-12))
    }

    @Test("one class only is an error")
    func oneClass() {
        #expect(throws: StatisticsError.self) { try ReceiverOperatingCharacteristic(scores: [0.1, 0.2], outcomes: [1, 1]) }
    }
}
