/// A SHA-256 digest read as an unsigned big-endian 256-bit integer, in four 64-bit limbs
/// (`limbs.0` most significant). Only what tickets need: exact decimal digits.
public struct Digest256: Hashable, Sendable {
    public let limbs: (UInt64, UInt64, UInt64, UInt64)

    public init(limbs: (UInt64, UInt64, UInt64, UInt64)) { self.limbs = limbs }

    /// Reads 32 bytes big-endian.
    public init(bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count == 32)
        func limb(_ index: Int) -> UInt64 {
            UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
        }
        limbs = (limb(0), limb(1), limb(2), limb(3))
    }

    public static func == (lhs: Digest256, rhs: Digest256) -> Bool {
        lhs.limbs == rhs.limbs
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(limbs.0); hasher.combine(limbs.1); hasher.combine(limbs.2); hasher.combine(limbs.3)
    }

    /// 10^19, the largest power of ten below 2^64: the base of the exact conversion.
    static let chunkDivisor: UInt64 = 10_000_000_000_000_000_000

    /// The integer's 18 lowest decimal digits, reversed and read as one number: exactly the
    /// first 18 digits after `0.` of the ticket (DESIGN.md: the zero-padded decimal reversed).
    /// Works on eight 32-bit limbs so that every division is a 64-bit division by the constant
    /// 10⁹, which the compiler turns into a multiply and shift (the 128-by-64-bit division
    /// behind `dividingFullWidth` is a library call here: `__umodti3` in the profile).
    @inline(__always)
    public var fractionKey: UInt64 {
        // x = q·10⁹ + low (remainders stay below 10⁹, so (r << 32) | w < 2⁶² never overflows);
        // q mod 10⁹ by Horner on q's 32-bit words as they are produced.
        var remainder: UInt64 = 0
        var quotientRemainder: UInt64 = 0
        @inline(__always) func step(_ word: UInt64) {
            let current = (remainder << 32) | word
            let quotientWord = current / 1_000_000_000
            remainder = current % 1_000_000_000
            quotientRemainder = ((quotientRemainder << 32) | quotientWord) % 1_000_000_000
        }
        step(limbs.0 >> 32); step(limbs.0 & 0xFFFF_FFFF); step(limbs.1 >> 32); step(limbs.1 & 0xFFFF_FFFF)
        step(limbs.2 >> 32); step(limbs.2 & 0xFFFF_FFFF); step(limbs.3 >> 32); step(limbs.3 & 0xFFFF_FFFF)
        return Digest256.reverse9(remainder) &* 1_000_000_000 &+ Digest256.reverse9(quotientRemainder)
    }

    /// The first 9 digits after `0.` as an integer (= `fractionKey / 10⁹`): the integer's 9
    /// lowest decimal digits reversed, half the arithmetic of `fractionKey`. Step 3 uses it to
    /// reject most candidates before computing their full key.
    @inline(__always)
    public var fractionKeyHigh: UInt64 {
        // x mod 10⁹ = Σ (limbᵢ mod 10⁹)·(2^(64i) mod 10⁹) mod 10⁹: four independent remainders
        // instead of a chain of eight (each product < 10¹⁸, the sum < 4·10¹⁸ < 2⁶⁴). The
        // constants are 2⁶⁴, 2¹²⁸ and 2¹⁹² mod 10⁹.
        let m: UInt64 = 1_000_000_000
        let sum = limbs.3 % m + (limbs.2 % m) &* 709_551_616 + (limbs.1 % m) &* 768_211_456 + (limbs.0 % m) &* 34_512_896
        return Digest256.reverse9(sum % m)
    }

    /// The 9 decimal digits of `value` (< 10⁹, zero-padded) in reverse order.
    @inline(__always)
    static func reverse9(_ value: UInt64) -> UInt64 {
        @inline(__always) func reverse3(_ x: UInt64) -> UInt64 { (x % 10) * 100 + (x / 10 % 10) * 10 + x / 100 }
        return reverse3(value % 1000) * 1_000_000 + reverse3(value / 1000 % 1000) * 1000 + reverse3(value / 1_000_000)
    }

    /// The exact decimal expansion, no leading zeros ("0" for zero): repeated long division
    /// of the four limbs by 10^19, so at most 5 chunks (2^256 < 10^78).
    public var decimalString: String {
        var value = [limbs.0, limbs.1, limbs.2, limbs.3]
        var chunks: [UInt64] = []  // least significant first
        let d = Digest256.chunkDivisor
        while value.contains(where: { $0 != 0 }) {
            var remainder: UInt64 = 0
            for index in value.indices {
                let (q, r) = d.dividingFullWidth((high: remainder, low: value[index]))
                value[index] = q
                remainder = r
            }
            chunks.append(remainder)
        }
        guard let top = chunks.last else { return "0" }
        var text = String(top)
        for chunk in chunks.dropLast().reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.count) + digits
        }
        return text
    }
}
