/// Shared field checks used by the value types' initialisers.
enum Validation {
    /// Non-empty, at most `maxLength` characters, no control characters, no surrounding spaces.
    static func text(_ value: String, field: String, maxLength: Int) throws(DomainError) {
        guard !value.isEmpty else {
            throw DomainError(field: field, requirement: "non-empty text", got: value)
        }
        // A character is at least one byte, so the (slow) grapheme count is needed only when
        // the byte count is over the limit.
        guard value.utf8.count <= maxLength || value.count <= maxLength else {
            throw DomainError(field: field, requirement: "at most \(maxLength) characters", got: value)
        }
        // General category Cc is exactly U+0000–U+001F and U+007F–U+009F (a stable Unicode
        // property), so compare numbers instead of looking the property up per scalar: this
        // check runs on every text field of an import.
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || ($0.value >= 0x7F && $0.value <= 0x9F) }) {
            throw DomainError(field: field, requirement: "text without control characters (tab, newline, …)", got: value)
        }
        // A CJK unified ideograph (most names begin and end with one) is never white space:
        // answered without the property lookup, a visible cost per enterprise row.
        if let first = value.unicodeScalars.first, !(0x4E00...0x9FFF).contains(first.value), first.properties.isWhitespace {
            throw DomainError(field: field, requirement: "text without leading spaces", got: value)
        }
        if let last = value.unicodeScalars.last, !(0x4E00...0x9FFF).contains(last.value), last.properties.isWhitespace {
            throw DomainError(field: field, requirement: "text without trailing spaces", got: value)
        }
    }

    /// A GB/T 2260 division code: exactly six ASCII digits.
    static func district(_ value: String, field: String = "district") throws(DomainError) {
        guard value.utf8.count == 6, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DomainError(field: field, requirement: "a GB/T 2260 division code of 6 ASCII digits", got: value)
        }
    }

    /// A catalogue code: 1–64 of `a-z 0-9 _ . -`.
    static func code(_ value: String, field: String) throws(DomainError) {
        let ok = (1...64).contains(value.utf8.count) && value.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
        }
        guard ok else {
            throw DomainError(field: field, requirement: "a catalogue code of 1 to 64 characters from a-z 0-9 _ . -", got: value)
        }
    }
}
