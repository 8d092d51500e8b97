import Foundation

/// The population stability index of a score distribution against a baseline:
/// PSI = Σ over bins (a − e)·ln(a/e), e and a the baseline's and the current sample's shares.
/// Bins: right-closed intervals cut at the type-7 quantiles of the baseline at 1/g, …, (g−1)/g
/// (deciles by default). Rule of thumb: < 0.1 stable, 0.1–0.25 some shift, > 0.25 a shift.
public struct PopulationStabilityIndex: Sendable {
    public let cutPoints: [Double]
    public let baselineShares: [Double]
    public let currentShares: [Double]
    /// nil when some bin is empty in either sample (ln 0 is undefined; no smoothing is applied).
    public let value: Double?

    public init(baseline: [Double], current: [Double], groups: Int = 10) throws(StatisticsError) {
        guard !baseline.isEmpty, !current.isEmpty else { throw .noObservations }
        for (i, v) in (baseline + current).enumerated() where !v.isFinite {
            throw .invalidValue(field: "scores", index: i, requirement: "finite", value: v)
        }
        let sorted = baseline.sorted()
        let cuts = (1..<groups).map { Quantile.type7(sorted: sorted, Double($0) / Double(groups)) }
        func shares(_ x: [Double]) -> [Double] {
            var counts = [Double](repeating: 0, count: groups)
            for v in x { counts[ReceiverOperatingCharacteristic.lowerBound(cuts, v)] += 1 }
            return counts.map { $0 / Double(x.count) }
        }
        let e = shares(baseline), a = shares(current)
        cutPoints = cuts
        baselineShares = e
        currentShares = a
        value = zip(a, e).contains { $0 == 0 || $1 == 0 } ? nil : zip(a, e).reduce(0) { $0 + ($1.0 - $1.1) * log($1.0 / $1.1) }
    }
}
