import Statistics
import Testing

/// Φ and Φ⁻¹ against 40-digit values from mpmath 1.3.0 (not our code):
/// `mp.mp.dps = 40; mp.ncdf(z)`, and `mp.findroot(lambda x: mp.ncdf(x) - p, x0)` for quantiles.
@Suite("Normal distribution")
struct NormalDistributionTests {
    // glibc's erfc is accurate to a few ulp for |z| ≤ 10 (1e-14 relative); near the underflow
    // limit (z = −37.5, Φ ≈ 5e-308) it was measured 1.4e-13 off, so 1e-12 there: p-values
    // that small only ever print as "<2e-16".
    @Test("cdf", arguments: [
        (-1.96, 0.024997895148220434137),
        (-10.0, 7.619853024160526066e-24),
        (-37.5, 4.6053530095819548438e-308),
        (3.0, 0.99865010196836990547),
        (-0.5, 0.30853753872598689636),
    ])
    func cdf(_ z: Double, _ expected: Double) {
        let tolerance = abs(z) <= 10 ? 1e-14 : 1e-12
        #expect(abs(NormalDistribution.cdf(z) - expected) <= tolerance * expected)
    }

    @Test("two-sided p keeps relative precision in the tail")
    func twoSided() {
        #expect(abs(NormalDistribution.twoSidedPValue(-10) - 2 * 7.619853024160526066e-24) <= 1e-14 * 1.5e-23)
        #expect(NormalDistribution.twoSidedPValue(0) == 1)
    }

    // Newton on log Q converges to the correctly rounded root within a few ulp: 1e-14 relative.
    @Test("quantile", arguments: [
        (0.975, 1.9599639845400542355),
        (0.995, 2.575829303548900761),
        (1e-10, -6.3613409024040562047),
        (1e-300, -37.047096299361199237),
        (0.3, -0.52440051270804078404),
    ])
    func quantile(_ p: Double, _ expected: Double) {
        #expect(abs(NormalDistribution.quantile(p) - expected) <= 1e-14 * abs(expected))
    }
}
