import Foundation

/// The standard normal distribution: p-values and Wald intervals.
public enum NormalDistribution {
    /// Φ(x). Through `erfc`, which keeps full relative precision in the lower tail, so that
    /// p-values of large |z| (down to ~1e-300) are not rounded to 0 the way 1 − Φ(|z|) is.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// 1 − Φ(x), computed without cancellation.
    public static func survival(_ x: Double) -> Double {
        0.5 * erfc(x / 2.0.squareRoot())
    }

    /// Two-sided p-value 2·Φ(−|z|) = erfc(|z|/√2), as R's `2 * pnorm(-abs(z))`.
    public static func twoSidedPValue(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// The density φ(x).
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// Φ⁻¹(p) for 0 < p < 1.
    ///
    /// Start from Abramowitz & Stegun 26.2.23 (|error| < 4.5e-4) for the tail probability
    /// q = min(p, 1 − p), then Newton steps on log Q(x) = log q (Q = 1 − Φ through `erfc`), which
    /// converge quadratically to full double precision in 3–4 steps across (1e-300, 0.5].
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "p must be in (0, 1)")
        if p == 0.5 { return 0 }
        let q = min(p, 1 - p)
        let t = (-2 * log(q)).squareRoot()
        var x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t)
        for _ in 0..<8 {
            let tail = survival(x)
            // d/dx log Q(x) = −φ(x)/Q(x)
            let step = (log(tail) - log(q)) / (density(x) / tail)
            x += step
            if abs(step) <= 1e-15 * max(1, abs(x)) { break }
        }
        return p < 0.5 ? -x : x
    }
}
