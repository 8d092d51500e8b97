import Domain

/// A canonical credit code in 12 bytes (18 characters × 5 bits), the key of `EnterpriseIndex`: a
/// `String` key costs a heap object and a hash over 18 bytes.
struct PackedCreditCode: Sendable {
    let high: UInt64
    let low: UInt32

    /// Value of each byte in the 31-character set, or -1.
    private static let valueOf: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in CreditCode.charset.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// Nil unless `bytes` are exactly 18 characters of the charset (upper case). Injective on
    /// such strings, so equal keys mean equal codes.
    init?(bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count == 18 else { return nil }
        var high: UInt64 = 0
        var low: UInt32 = 0
        let table = PackedCreditCode.valueOf
        for index in 0..<12 {
            let value = table[Int(bytes[index])]
            guard value >= 0 else { return nil }
            high = high << 5 | UInt64(value)
        }
        for index in 12..<18 {
            let value = table[Int(bytes[index])]
            guard value >= 0 else { return nil }
            low = low << 5 | UInt32(value)
        }
        self.high = high
        self.low = low
    }

    init(high: UInt64, low: UInt32) {
        self.high = high
        self.low = low
    }

    /// The key of a validated code (always 18 charset characters).
    init(_ code: CreditCode) {
        self = code.withUTF8 { PackedCreditCode(bytes: $0.assumingMemoryBound(to: UInt8.self)) }!
    }
}
