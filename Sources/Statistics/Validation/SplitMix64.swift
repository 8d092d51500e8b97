/// SplitMix64 (Steele, Lea & Flood 2014; the reference constants of Vigna's `splitmix64.c`):
/// the seeded generator behind the cross-validation folds. Written out so that the folds are a
/// documented function of the seed that other languages can reproduce. Public so that the
/// test targets' seeded data use this one generator instead of copies of it.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
