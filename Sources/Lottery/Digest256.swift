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

    /// `self mod 10^19`: the integer's 19 lowest decimal digits. Horner's rule over the limbs,
    /// one 128-by-64-bit division each; the running remainder is < 10^19 < 2^64, so the
    /// full-width division never overflows.
    @inline(__always)
    public var lowNineteenDigits: UInt64 {
        let d = Digest256.chunkDivisor
        var r: UInt64 = 0
        r = d.dividingFullWidth((high: r, low: limbs.0)).remainder
        r = d.dividingFullWidth((high: r, low: limbs.1)).remainder
        r = d.dividingFullWidth((high: r, low: limbs.2)).remainder
        r = d.dividingFullWidth((high: r, low: limbs.3)).remainder
        return r
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
