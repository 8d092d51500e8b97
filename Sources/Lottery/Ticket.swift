/// A consistent-sampling ticket (Rivest's `first_fraction`, consistent-sampler 1.0.10):
/// the SHA-256 integer's decimal digits, zero-padded to at least 64, reversed, after `0.`.
///
/// Comparing fractions = comparing those digit strings. The first 19 fraction digits are the
/// integer's 19 lowest decimal digits reversed, so `key` (those 19 digits read as one integer)
/// orders tickets exactly as their first 19 digits do; only on equal keys (probability about
/// N²·10⁻¹⁹) do we fall back to the full strings. Note the integers' own order is NOT the
/// fractions' order.
public struct Ticket: Hashable, Sendable {
    /// The digest read as a big-endian integer.
    public let digest: Digest256
    /// The first 19 digits after `0.` as an integer (`digit₁·10¹⁸ + … + digit₁₉`).
    public let key: UInt64

    public init(digest: Digest256) {
        self.digest = digest
        self.key = Ticket.key(lowDigits: digest.lowNineteenDigits)
    }

    /// Reverses the 19 decimal digits of `lowDigits` (zero-padded to 19).
    @inline(__always)
    static func key(lowDigits: UInt64) -> UInt64 {
        var remaining = lowDigits
        var key: UInt64 = 0
        for _ in 0..<19 {
            key = key &* 10 &+ remaining % 10
            remaining /= 10
        }
        return key
    }

    /// The digits after `0.`: the decimal expansion left-padded to 64 digits, reversed.
    public var fractionDigits: String {
        let decimal = digest.decimalString
        let padded = String(repeating: "0", count: max(0, 64 - decimal.count)) + decimal
        return String(padded.reversed())
    }

    /// The full fraction `0.ddd…`, exactly as `consistent_sampler.first_fraction` returns it.
    public var fraction: String { "0." + fractionDigits }

    /// consistent-sampler's `trim(x, digits)`: keep the leading run of 9s after `0.` and then
    /// `digits` more characters (zeros count), truncating, never rounding.
    public func trimmed(_ digits: Int = 18) -> String {
        Ticket.trim(fraction, digits)
    }

    /// `trim` on any fraction string `0.ddd…` (consistent_sampler.trim, line for line:
    /// the first position ≥ 2 of `x + "0"` holding a character below `9`).
    public static func trim(_ x: String, _ digits: Int) -> String {
        let bytes = Array(x.utf8)
        let extended = bytes + [UInt8(ascii: "0")]
        var firstNonNine = 2
        while extended[firstNonNine] >= UInt8(ascii: "9") { firstNonNine += 1 }
        let end = min(bytes.count, firstNonNine + digits)
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Fraction order: by key, then by the full digit strings (as Python compares them).
    @inline(__always)
    public static func precedes(_ lhs: Ticket, _ rhs: Ticket) -> Bool {
        if lhs.key != rhs.key { return lhs.key < rhs.key }
        return lhs.fractionDigits.utf8.lexicographicallyPrecedes(rhs.fractionDigits.utf8)
    }

    /// True when the fractions are the same string (then ids break the tie).
    public static func sameFraction(_ lhs: Ticket, _ rhs: Ticket) -> Bool {
        lhs.key == rhs.key && lhs.fractionDigits == rhs.fractionDigits
    }
}
