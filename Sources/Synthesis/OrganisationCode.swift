/// The GB 11714 check character of a 9-character organisation code (positions 9–17 of a USCC).
/// `CreditCode` keeps its own copy internal, so the generator computes it here; the tests check
/// that every generated code validates without an organisation-code warning.
enum OrganisationCode {
    static let weights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// `first8` holds digits and upper-case letters; values 0–9, A = 10 … Z = 35.
    static func checkCharacter(for first8: [UInt8]) -> UInt8 {
        var sum = 0
        for (byte, weight) in zip(first8, weights) {
            let value = byte <= 57 ? Int(byte) - 48 : Int(byte) - 55
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return UInt8(ascii: "X")
        case 11: return UInt8(ascii: "0")
        case let digit: return UInt8(48 + digit)
        }
    }
}
