/// A consistent-sampling ticket (Rivest's `first_fraction`, consistent-sampler 1.0.10):
/// the SHA-256 integer's decimal digits, zero-padded to at least 64, reversed, after `0.`.
///
/// Comparing fractions = comparing those digit strings. The first 18 fraction digits are the
/// integer's 18 lowest decimal digits reversed, so `key` (those 18 digits read as one integer)
/// orders tickets exactly as their first 18 digits do; only on equal keys (probability about
/// N²·10⁻¹⁸ per stratum) do we fall back to the full strings. Note the integers' own order is
/// NOT the fractions' order.
public struct Ticket: Hashable, Sendable {
    /// The digest read as a big-endian integer.
    public let digest: Digest256
    /// The first 18 digits after `0.` as an integer (`digit₁·10¹⁷ + … + digit₁₈`).
    public let key: UInt64

    @inline(__always)
    public init(digest: Digest256) {
        self.digest = digest
        self.key = digest.fractionKey
    }

    /// The digits after `0.` as ASCII bytes: the decimal expansion left-padded to 64 digits,
    /// reversed.
    public var fractionDigitBytes: [UInt8] {
        var padded = Array(digest.decimalString.utf8)
        if padded.count < 64 { padded = [UInt8](repeating: UInt8(ascii: "0"), count: 64 - padded.count) + padded }
        padded.reverse()
        return padded
    }

    /// The digits after `0.`.
    public var fractionDigits: String { String(decoding: fractionDigitBytes, as: UTF8.self) }

    /// The full fraction `0.ddd…`, exactly as `consistent_sampler.first_fraction` returns it.
    public var fraction: String { "0." + fractionDigits }

    /// consistent-sampler's `trim(x, digits)`: keep the leading run of 9s after `0.` and then
    /// `digits` more characters (zeros count), truncating, never rounding.
    public func trimmed(_ digits: Int = 18) -> String {
        // Usual case, without the full decimal expansion: 18 digits not starting with a 9 are
        // exactly `key`, zero-padded (its first digit is below 9 iff key < 9·10¹⁷).
        if digits == 18, key < 900_000_000_000_000_000 {
            var out = [UInt8](repeating: UInt8(ascii: "0"), count: 20)
            out[1] = UInt8(ascii: ".")
            var value = key
            for index in stride(from: 19, through: 2, by: -1) {
                out[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return String(decoding: out, as: UTF8.self)
        }
        let fraction = fractionDigitBytes
        var firstNonNine = 0  // position after "0.", as in trim() on x + "0"
        while firstNonNine < fraction.count, fraction[firstNonNine] == UInt8(ascii: "9") { firstNonNine += 1 }
        let end = min(fraction.count, firstNonNine + digits)
        return "0." + String(decoding: fraction[..<end], as: UTF8.self)
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
