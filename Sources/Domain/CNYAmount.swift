/// Parsing and printing of CNY amounts as integer fen (1 CNY = 100 fen).
public enum CNYAmount {
    /// Parses a plain decimal with at most 2 decimal places: `0`, `200`, `1500.5`, `12.34`.
    /// Separators, units, signs and exponents (`1,000`, `1万`, `¥50`, `-3`, `1e3`) give nil.
    public static func fen(from text: Substring) -> Int? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ fen(fromBytes: $0) }) { return result }
        return Array(text.utf8).withUnsafeBufferPointer { fen(fromBytes: $0) }
    }

    /// `fen(from:)` on UTF-8 bytes, without building a string (the importer's hot path).
    public static func fen(fromBytes bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var yuan = 0
        var index = 0
        var sawDigit = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            yuan = yuan * 10 + Int(bytes[index] - 0x30)
            index += 1
            sawDigit = true
        }
        guard sawDigit else { return nil }
        var cents = 0
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: ".") else { return nil }
            index += 1
            let decimals = bytes.count - index
            guard decimals == 1 || decimals == 2 else { return nil }
            for position in 0..<2 {
                var digit = 0
                if index + position < bytes.count {
                    let byte = bytes[index + position]
                    guard byte >= 0x30, byte <= 0x39 else { return nil }
                    digit = Int(byte - 0x30)
                }
                cents = cents * 10 + digit
            }
        }
        return yuan * 100 + cents
    }

    /// `fen` written as a decimal with the fraction only when it is non-zero: 150000 → `1500`,
    /// 150050 → `1500.50`.
    public static func text(fen: Int) -> String {
        let sign = fen < 0 ? "-" : ""
        let magnitude = abs(fen)
        let cents = magnitude % 100
        if cents == 0 { return "\(sign)\(magnitude / 100)" }
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
