/// Sample quantiles.
enum Quantile {
    /// R's type 7 (numpy's "linear"): h = (n − 1)·prob, linear interpolation between order
    /// statistics ⌊h⌋ and ⌊h⌋ + 1 of the sorted sample.
    static func type7(sorted x: [Double], _ prob: Double) -> Double {
        let h = Double(x.count - 1) * prob
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, x.count - 1)
        return x[lo] + (h - Double(lo)) * (x[hi] - x[lo])
    }
}
