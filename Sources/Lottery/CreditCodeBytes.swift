import Domain

/// A byte-level test that an id is an already canonical, valid unified social credit code
/// (DOMAIN.md §1.1: 18 charset characters, positions 3–8 digits, GB 32100 check character).
/// `CreditCode.checkCharacter(for:)` is generic over collections and, unspecialised across
/// the module boundary, measured ~10 µs per code in freeze (metadata lookups in the profile);
/// this loop over a buffer is what freeze runs on every row. Anything it rejects goes through
/// `CreditCode.validate` for the real message (and lower-case folding); a test checks both
/// agree.
enum CreditCodeBytes {
    /// Character value (0–30) per byte, or -1.
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in CreditCode.charset.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()
    static let weights: [Int] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    @inline(__always)
    static func isCanonicalValid(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, values: UnsafeBufferPointer<Int8>,
                                 weights: UnsafeBufferPointer<Int>) -> Bool {
        guard range.count == 18 else { return false }
        let base = range.lowerBound
        var sum = 0
        for k in 0..<17 {
            let byte = buffer[base + k]
            if k >= 2 && k < 8 && !(byte >= 48 && byte <= 57) { return false }
            let value = Int(values[Int(byte)])
            if value < 0 { return false }
            sum += value * weights[k]
        }
        let check = (31 - sum % 31) % 31
        return Int(values[Int(buffer[base + 17])]) == check
    }
}
