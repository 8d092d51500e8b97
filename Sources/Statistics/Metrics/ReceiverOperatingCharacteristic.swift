import Foundation

/// The ROC curve of a score against 0/1 outcomes (higher score = more likely an event), with
/// the statistics read from it: AUC (= Mann–Whitney U / (n₁n₀), ties counted ½), Gini = 2·AUC − 1,
/// KS = max(TPR − FPR), and DeLong's variance of the AUC.
public struct ReceiverOperatingCharacteristic: Sendable {
    /// One point per distinct threshold, from the highest threshold down; a score ≥ threshold
    /// is predicted positive (scikit-learn's `roc_curve` with `drop_intermediate=False`, plus
    /// the origin).
    public struct Point: Sendable, Equatable {
        public let threshold: Double
        public let falsePositiveRate: Double
        public let truePositiveRate: Double
    }

    public let points: [Point]
    public let auc: Double
    public let events: Int
    public let nonEvents: Int
    /// DeLong, DeLong & Clarke-Pearson (1988) variance of the AUC, as pROC's `var(method = "delong")`.
    public let delongVariance: Double

    public var gini: Double { 2 * auc - 1 }

    /// max over thresholds of TPR − FPR, and the threshold where it is reached (the first,
    /// i.e. highest, such threshold).
    public var ks: (statistic: Double, threshold: Double) {
        var best = (statistic: 0.0, threshold: Double.infinity)
        for point in points where point.truePositiveRate - point.falsePositiveRate > best.statistic {
            best = (point.truePositiveRate - point.falsePositiveRate, point.threshold)
        }
        return best
    }

    /// AUC ± z·√var, truncated to [0, 1] (pROC's `ci.auc(method = "delong")`).
    public func delongInterval(level: Double = 0.95) -> ClosedRange<Double> {
        let half = NormalDistribution.quantile((1 + level) / 2) * delongVariance.squareRoot()
        return max(0, auc - half)...min(1, auc + half)
    }

    /// Throws when the lengths differ, an outcome is not 0/1, a score is not finite, or one
    /// class is empty (the AUC is undefined).
    public init(scores: [Double], outcomes: [Double]) throws(StatisticsError) {
        try Validation.scoresAndOutcomes(scores: scores, outcomes: outcomes)
        let positives = scores.indices.filter { outcomes[$0] == 1 }.map { scores[$0] }
        let negatives = scores.indices.filter { outcomes[$0] == 0 }.map { scores[$0] }
        guard !positives.isEmpty, !negatives.isEmpty else {
            throw .invalidValue(field: "outcomes", index: 0, requirement: "both 0 and 1 present", value: positives.isEmpty ? 0 : 1)
        }
        let m = Double(positives.count), n = Double(negatives.count)
        // DeLong placements via midranks: V10(x) = (#neg < x + ½ #neg = x)/n, V01(y) likewise.
        let sortedNegatives = negatives.sorted(), sortedPositives = positives.sorted()
        func countBelowAndEqual(_ sorted: [Double], _ v: Double) -> (Double, Double) {
            let below = Self.lowerBound(sorted, v), upTo = Self.upperBound(sorted, v)
            return (Double(below), Double(upTo - below))
        }
        let v10 = positives.map { x -> Double in let (b, e) = countBelowAndEqual(sortedNegatives, x); return (b + e / 2) / n }
        let v01 = negatives.map { y -> Double in
            let (b, e) = countBelowAndEqual(sortedPositives, y)
            return (m - Double(b) - e + e / 2) / m
        }
        let auc = v10.reduce(0, +) / m
        func variance(_ v: [Double]) -> Double {
            guard v.count > 1 else { return 0 }
            return v.reduce(0) { $0 + ($1 - auc) * ($1 - auc) } / Double(v.count - 1)
        }
        self.auc = auc
        self.delongVariance = variance(v10) / m + variance(v01) / n
        self.events = positives.count
        self.nonEvents = negatives.count

        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var points = [Point(threshold: .infinity, falsePositiveRate: 0, truePositiveRate: 0)]
        var tp = 0.0, fp = 0.0, k = 0
        while k < order.count {
            let threshold = scores[order[k]]
            while k < order.count, scores[order[k]] == threshold {
                if outcomes[order[k]] == 1 { tp += 1 } else { fp += 1 }
                k += 1
            }
            points.append(Point(threshold: threshold, falsePositiveRate: fp / n, truePositiveRate: tp / m))
        }
        self.points = points
    }

    static func lowerBound(_ a: [Double], _ v: Double) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] < v { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    static func upperBound(_ a: [Double], _ v: Double) -> Int {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] <= v { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
