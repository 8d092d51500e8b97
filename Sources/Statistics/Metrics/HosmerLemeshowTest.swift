/// The Hosmer–Lemeshow goodness-of-fit test on the bins of a `CalibrationTable`:
/// X² = Σ over bins and both outcomes (O − E)²/E, df = g − 2, as `ResourceSelection::hoslem.test`.
/// NOTE: the statistic depends on the binning (ties merge bins; another g gives another
/// answer) and has little power at small n and too much at large n; read it beside the
/// calibration plot, not alone.
public struct HosmerLemeshowTest: Sendable {
    public let statistic: Double
    public let degreesOfFreedom: Int
    public let pValue: Double
    public let table: CalibrationTable

    public init(probabilities p: [Double], outcomes y: [Double], groups: Int = 10) throws(StatisticsError) {
        let table = try CalibrationTable(probabilities: p, outcomes: y, groups: groups)
        var x2 = 0.0
        for bin in table.bins {
            let n = Double(bin.count)
            x2 += (bin.observedEvents - bin.expectedEvents) * (bin.observedEvents - bin.expectedEvents) / bin.expectedEvents
            let o0 = n - bin.observedEvents, e0 = n - bin.expectedEvents
            x2 += (o0 - e0) * (o0 - e0) / e0
        }
        self.table = table
        self.statistic = x2
        // hoslem.test uses df = g − 2 with the g asked for, whatever the ties did to the bins.
        self.degreesOfFreedom = groups - 2
        self.pValue = ChiSquareDistribution.survival(x2, degreesOfFreedom: Double(groups - 2))
    }
}
