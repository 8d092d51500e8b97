import Domain

/// An 18-byte credit code packed into integers, big-endian, so that comparing keys compares the
/// codes' bytes: the feature pass finds an event's enterprise by integer compares on the raw
/// column bytes, with no string per event.
struct EnterpriseKey: Comparable, Sendable {
    let high: UInt64
    let middle: UInt64
    let low: UInt16

    /// Nil unless `bytes` has exactly 18 bytes (every stored code has).
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 18 else { return nil }
        var high: UInt64 = 0, middle: UInt64 = 0
        for i in 0..<8 { high = high << 8 | UInt64(bytes[i]) }
        for i in 8..<16 { middle = middle << 8 | UInt64(bytes[i]) }
        self.high = high
        self.middle = middle
        self.low = UInt16(bytes[16]) << 8 | UInt16(bytes[17])
    }

    init?(_ code: CreditCode) {
        guard let key = code.withUTF8({ EnterpriseKey($0) }) else { return nil }
        self = key
    }

    static func < (lhs: EnterpriseKey, rhs: EnterpriseKey) -> Bool {
        (lhs.high, lhs.middle, lhs.low) < (rhs.high, rhs.middle, rhs.low)
    }
}
