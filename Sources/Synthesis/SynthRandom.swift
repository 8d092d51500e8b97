#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generator's only source of randomness: xoshiro256** (Blackman & Vigna 2018) seeded
/// through SplitMix64, so a (seed, stream) pair always yields the same sequence on every
/// platform. The stdlib's random APIs are never used (their algorithm is unspecified).
struct SynthRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `stream` under `seed`. Every enterprise gets its own stream, so its
    /// history does not depend on how many random numbers other enterprises consumed.
    init(seed: UInt64, stream: UInt64) {
        var state = seed &+ stream &* 0xD1B5_4A32_D192_ED03
        s0 = SynthRandom.splitMix(&state)
        s1 = SynthRandom.splitMix(&state)
        s2 = SynthRandom.splitMix(&state)
        s3 = SynthRandom.splitMix(&state)
    }

    /// A generator in a given raw state (for the published reference vectors).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform integer in `range` (Lemire's multiply-shift; the bias is below 2⁻³² for the
    /// small ranges used here, irrelevant for synthetic data).
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        let product = next().multipliedFullWidth(by: width)
        return range.lowerBound + Int(product.high)
    }

    mutating func bernoulli(_ p: Double) -> Bool { uniform() < p }

    /// Standard normal by Box–Muller (one of the pair is discarded: simpler, and determinism
    /// does not depend on call parity).
    mutating func normal() -> Double {
        let u1 = 1.0 - uniform()  // (0, 1]
        let u2 = uniform()
        return (-2.0 * log(u1)).squareRoot() * cos(2.0 * Double.pi * u2)
    }

    /// Poisson count by inversion; the means used here are below ~30.
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        var k = 0
        var p = exp(-mean)
        var cumulative = p
        let u = uniform()
        while u > cumulative, k < 1000 {
            k += 1
            p *= mean / Double(k)
            cumulative += p
        }
        return k
    }

    /// Index drawn with probability proportional to `weights`.
    mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var target = uniform() * total
        for (index, weight) in weights.enumerated() {
            target -= weight
            if target < 0 { return index }
        }
        return weights.count - 1
    }

    mutating func element<T>(_ items: [T]) -> T { items[int(in: 0...(items.count - 1))] }
}
