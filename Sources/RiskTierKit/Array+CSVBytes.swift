import Domain

/// Appending CSV fields to a byte buffer (the monthly run's output files).
extension Array where Element == UInt8 {
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    /// A tier's letter (`A` + its rank: the raw values are `A`…`D`).
    mutating func append(_ tier: Tier?) {
        if let tier { append(UInt8(ascii: "A") + UInt8(tier.rank)) }
    }

    mutating func comma() { append(UInt8(ascii: ",")) }

    /// `String(value)`'s bytes. (Digits into a stack buffer, then one append: a byte-by-byte
    /// append and an in-place reverse of the slice cost ≈ 780 instructions per call, callgrind.)
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }
}
