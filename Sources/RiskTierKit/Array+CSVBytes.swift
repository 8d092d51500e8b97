import Domain

/// Appending CSV fields to a byte buffer (the monthly run's output files).
extension Array where Element == UInt8 {
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }

    mutating func append(_ tier: Tier?) {
        if let tier { append(tier.rawValue) }
    }

    mutating func comma() { append(UInt8(ascii: ",")) }

    /// `String(value)`'s bytes.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = count
        repeat {
            append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        self[start...].reverse()
    }
}
