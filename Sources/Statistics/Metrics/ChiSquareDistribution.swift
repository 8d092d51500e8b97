import Foundation

/// The χ² distribution, through the regularised incomplete gamma function.
public enum ChiSquareDistribution {
    /// P(X > x) for X ~ χ²(df) = Q(df/2, x/2).
    public static func survival(_ x: Double, degreesOfFreedom df: Double) -> Double {
        guard x > 0 else { return 1 }
        return upperRegularizedGamma(df / 2, x / 2)
    }

    /// Q(a, x) = Γ(a, x)/Γ(a): the series for P when x < a + 1, else the Lentz continued
    /// fraction for Q (Numerical Recipes §6.2), both to 1e-16 relative.
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        let logPrefix = a * log(x) - x - lgamma(a)
        if x < a + 1 {
            var term = 1 / a, sum = term, ap = a
            for _ in 0..<10_000 {
                ap += 1
                term *= x / ap
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            return 1 - sum * exp(logPrefix)
        }
        let tiny = 1e-300
        var b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-17 { break }
        }
        return exp(logPrefix) * h
    }
}
