/// Predicted vs observed by quantile bin of the predicted probability (deciles by default), the
/// bins of R's `ResourceSelection::hoslem.test`: breaks at the type-7 quantiles of p at
/// 0, 1/g, …, 1, right-closed, the lowest bin closed on the left. Tied quantiles (many equal
/// probabilities) merge bins, so there can be fewer than g; empty bins are left out.
public struct CalibrationTable: Sendable {
    public let bins: [CalibrationBin]
    public let breaks: [Double]

    public init(probabilities p: [Double], outcomes y: [Double], groups: Int = 10, level: Double = 0.95) throws(StatisticsError) {
        try Validation.probabilities(p, outcomes: y)
        guard groups >= 1 else { throw .invalidValue(field: "groups", index: 0, requirement: ">= 1", value: Double(groups)) }
        let sorted = p.sorted()
        var breaks: [Double] = []
        for k in 0...groups {
            let q = Quantile.type7(sorted: sorted, Double(k) / Double(groups))
            if breaks.last != q { breaks.append(q) }
        }
        if breaks.count == 1 { breaks.append(breaks[0]) }
        let binCount = breaks.count - 1
        var count = [Int](repeating: 0, count: binCount)
        var observed = [Double](repeating: 0, count: binCount), expected = [Double](repeating: 0, count: binCount)
        for i in p.indices {
            let bin = Self.bin(of: p[i], breaks: breaks)
            count[bin] += 1
            observed[bin] += y[i]
            expected[bin] += p[i]
        }
        self.breaks = breaks
        self.bins = (0..<binCount).filter { count[$0] > 0 }.map { k in
            CalibrationBin(lower: breaks[k], upper: breaks[k + 1], count: count[k], observedEvents: observed[k],
                           expectedEvents: expected[k],
                           observedRateInterval: BinomialInterval.wilson(successes: observed[k], trials: Double(count[k]), level: level))
        }
    }

    /// Index k with breaks[k] < v ≤ breaks[k + 1] (bin 0 also takes v = breaks[0]).
    static func bin(of v: Double, breaks: [Double]) -> Int {
        let k = ReceiverOperatingCharacteristic.lowerBound(breaks, v)
        return min(max(k, 1), breaks.count - 1) - 1
    }
}
