/// A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, upper-case
/// ASCII, canonical form. DOMAIN.md §1.1 gives the structure and the validation policy.
public struct CreditCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    // The code's UTF-8 bytes held inline, big-endian and zero-padded: bytes 0–7 in `head`, 8–15
    // in `body`, 16–22 in `tail`'s upper seven bytes; its low byte is the length. Not a
    // `String`: an 18-byte string is a heap object (Swift keeps only up to 15 bytes inline),
    // and a monthly run holds, copies, retains and compares one per firm and makes one per event
    // row of an import. Inline: a 10⁵-firm monthly run 5.544 → 5.363 G instructions (callgrind),
    // 10⁶ peak RSS 531 → 480 MiB. Comparing the integers compares the bytes (the order of
    // `value.utf8`).
    private let head: UInt64
    private let body: UInt64
    private let tail: UInt64

    /// The longest text `init(unchecked:)` holds (a canonical code has 18 bytes).
    public static let maximumUTF8Count = 23

    /// The canonical 18-character string; the only form hashed in draws.
    public var value: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// The 31-character set; a character's value is its index. I, O, S, V, Z never occur.
    public static let charset: [UInt8] = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
    /// Wᵢ = 3^(i−1) mod 31 for positions 1…17.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// GB 11714 weights for the inner organisation code's first eight characters.
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    private static let valueOf: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (index, byte) in charset.enumerated() { table[Int(byte)] = Int8(index) }
        return table
    }()

    /// A code known to be canonical (from a store or a frozen file that was validated before).
    /// Prefer `validate(_:exceptions:)` for anything read from outside. At most
    /// `maximumUTF8Count` bytes.
    public init(unchecked value: String) {
        var value = value
        self = value.withUTF8 { CreditCode(uncheckedUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// `init(unchecked:)` from the text's UTF-8 bytes (a store column, a file field).
    public init(uncheckedUTF8 bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= Self.maximumUTF8Count, "a credit code of \(bytes.count) bytes: codes are validated before they are held")
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
        head = UInt64(bigEndian: words.0)
        body = UInt64(bigEndian: words.1)
        tail = UInt64(bigEndian: words.2) | UInt64(bytes.count)
    }

    /// The code's UTF-8 bytes, valid during the call.
    @inline(__always)
    public func withUTF8<R>(_ read: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        var words = (head.bigEndian, body.bigEndian, (tail & ~0xFF).bigEndian)
        return try withUnsafeBytes(of: &words) { try read(UnsafeRawBufferPointer(rebasing: $0[0..<utf8Count])) }
    }

    /// The inline words themselves (the bytes big-endian, the length in the last word's low
    /// byte), for a caller's own hash table (the feature pass's `EnterpriseKeyTable`).
    public var packedWords: (UInt64, UInt64, UInt64) { (head, body, tail) }

    /// The number of UTF-8 bytes (18 for a canonical code).
    public var utf8Count: Int { Int(tail & 0xFF) }

    /// The code's first and second bytes (0 past the end).
    public var firstTwoBytes: (UInt8, UInt8) { (UInt8(head >> 56), UInt8(truncatingIfNeeded: head >> 48)) }

    public var description: String { value }

    public static func < (lhs: CreditCode, rhs: CreditCode) -> Bool {
        (lhs.head, lhs.body, lhs.tail) < (rhs.head, rhs.body, rhs.tail)
    }

    // Coded as before, when the code was a stored `value` string: `{"value": "…"}`.
    private enum CodingKeys: String, CodingKey { case value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard text.utf8.count <= Self.maximumUTF8Count else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "a credit code of at most \(Self.maximumUTF8Count) bytes; got '\(text)'")
        }
        self.init(unchecked: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
    }

    /// The check character computed from the first 17 characters (which must be in the charset).
    public static func checkCharacter(for first17: some Collection<UInt8>) -> Character? {
        guard first17.count == 17 else { return nil }
        var sum = 0
        for (byte, weight) in zip(first17, weights) {
            let value = valueOf[Int(byte)]
            guard value >= 0 else { return nil }
            sum += Int(value) * weight
        }
        let check = (31 - sum % 31) % 31
        return Character(Unicode.Scalar(charset[check]))
    }

    /// The GB 11714 check character of the inner organisation code (positions 9–16 → 17).
    /// Values: 0–9, then A = 10 … Z = 35 (the full Latin alphabet). 10 → `X`, 11 → `0`.
    static func organisationCheckCharacter(for first8: some Collection<UInt8>) -> Character {
        var sum = 0
        for (byte, weight) in zip(first8, organisationWeights) {
            let value = byte <= 57 ? Int(byte) - 48 : Int(byte) - 65 + 10
            sum += value * weight
        }
        switch 11 - sum % 11 {
        case 10: return "X"
        case 11: return "0"
        case let digit: return Character(String(digit))
        }
    }

    /// Validates a code as read from a file, per DOMAIN.md §1.1:
    /// surrounding ASCII whitespace is trimmed; `a–z` is folded to upper case with a warning;
    /// anything that is not 18 charset characters is an error; positions 3–8 must be digits;
    /// a wrong check character is an error unless the canonical code is in `exceptions`;
    /// a failed inner organisation-code check or a prefix other than `9x` is a warning.
    public static func validate(_ raw: Substring, exceptions: Set<String> = []) -> Result<Validated, CreditCodeError> {
        if let code = canonicalValid(raw) { return .success(Validated(code: code, warnings: [])) }
        var bytes = Array(raw.utf8)
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { bytes.removeLast() }
        var warnings: [CreditCodeWarning] = []
        if bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) {
            bytes = bytes.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 32 : $0 }
            warnings.append(.foldedToUpperCase)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        // The common case, 18 bytes of the charset, is 18 such characters: the grapheme walk
        // below is needed only to name what is wrong (it was most of an enterprise row's
        // validation cost in `perf` of an import, Benchmarks/README.md "Import").
        if !(bytes.count == 18 && bytes.allSatisfy({ valueOf[Int($0)] >= 0 })) {
            guard text.count == 18 else {
                return .failure(.wrongLength(text: text, length: text.count))
            }
            // Walk characters, not bytes, so that a full-width digit is named at its own position.
            for (index, character) in text.enumerated() {
                guard let ascii = character.asciiValue, valueOf[Int(ascii)] >= 0 else {
                    return .failure(.invalidCharacter(text: text, position: index + 1))
                }
            }
        }
        for index in 2..<8 where !(bytes[index] >= 48 && bytes[index] <= 57) {
            return .failure(.divisionNotDigits(text: text, position: index + 1))
        }
        let expected = checkCharacter(for: bytes[0..<17])!
        let actual = Character(Unicode.Scalar(bytes[17]))
        if expected != actual {
            guard exceptions.contains(text) else {
                return .failure(.checkCharacterMismatch(text: text, expected: expected, actual: actual))
            }
            warnings.append(.checkCharacterExceptionListed(expected: expected))
        }
        let organisationExpected = organisationCheckCharacter(for: bytes[8..<16])
        let organisationActual = Character(Unicode.Scalar(bytes[16]))
        if organisationExpected != organisationActual {
            warnings.append(.organisationCodeCheckFailed(expected: organisationExpected, actual: organisationActual))
        }
        if bytes[0] != UInt8(ascii: "9") {
            warnings.append(.notMarketRegulationPrefix(prefix: String(text.prefix(2))))
        }
        return .success(Validated(code: CreditCode(unchecked: text), warnings: warnings))
    }

    /// The common case answered on the bytes: exactly 18 charset characters, digits at 3–8,
    /// both check characters right and the `9` prefix, i.e. a code `validate` accepts with no
    /// warning. Nil for anything else, which `validate` then examines step by step (to fold,
    /// warn, excuse or name the error). `perf` of an import put credit-code validation at
    /// ≈ 18 % of the reading thread's samples in an enterprises file.
    private static func canonicalValid(_ raw: Substring) -> CreditCode? {
        let code: CreditCode?? = raw.utf8.withContiguousStorageIfAvailable { bytes -> CreditCode? in
            guard bytes.count == 18, bytes[0] == UInt8(ascii: "9") else { return nil }
            var sum = 0
            for index in 0..<17 {
                let value = valueOf[Int(bytes[index])]
                guard value >= 0 else { return nil }
                if index >= 2 && index < 8 && !(bytes[index] >= 48 && bytes[index] <= 57) { return nil }
                sum += Int(value) * weights[index]
            }
            guard charset[(31 - sum % 31) % 31] == bytes[17] else { return nil }
            var organisation = 0
            for index in 8..<16 {
                let byte = bytes[index]
                organisation += (byte <= 57 ? Int(byte) - 48 : Int(byte) - 65 + 10) * organisationWeights[index - 8]
            }
            let expected: UInt8
            switch 11 - organisation % 11 {
            case 10: expected = UInt8(ascii: "X")
            case 11: expected = UInt8(ascii: "0")
            case let digit: expected = UInt8(48 + digit)
            }
            return expected == bytes[16] ? CreditCode(uncheckedUTF8: UnsafeRawBufferPointer(bytes)) : nil
        }
        return code ?? nil
    }

    /// A code that passed validation, with the warnings it raised.
    public struct Validated: Sendable, Equatable {
        public let code: CreditCode
        public let warnings: [CreditCodeWarning]
    }
}

/// Why a string is not a valid credit code. `description` completes "enterprise_id must be …".
public enum CreditCodeError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongLength(text: String, length: Int)
    case invalidCharacter(text: String, position: Int)
    case divisionNotDigits(text: String, position: Int)
    case checkCharacterMismatch(text: String, expected: Character, actual: Character)

    public var description: String {
        switch self {
        case let .wrongLength(text, length):
            return "a unified social credit code of 18 characters from 0-9 A-H J-N P-R T U W-Y; got '\(text)' (\(length) characters)"
        case let .invalidCharacter(text, position):
            let character = Array(text)[position - 1]
            return "a unified social credit code of 18 characters from 0-9 A-H J-N P-R T U W-Y; got '\(text)' with '\(character)' at position \(position) (full-width characters and I, O, S, V, Z never occur)"
        case let .divisionNotDigits(text, position):
            return "a unified social credit code whose positions 3-8 are the ASCII digits of an administrative division; got '\(text)' with a non-digit at position \(position)"
        case let .checkCharacterMismatch(text, expected, actual):
            return "a unified social credit code with a valid check character; got '\(text)': position 18 is '\(actual)', the GB 32100-2015 check gives '\(expected)' (list lawful legacy codes in uscc_exceptions.csv)"
        }
    }
}

/// Something worth telling about a code that is nonetheless accepted.
public enum CreditCodeWarning: Equatable, Sendable, CustomStringConvertible {
    case foldedToUpperCase
    case checkCharacterExceptionListed(expected: Character)
    case organisationCodeCheckFailed(expected: Character, actual: Character)
    case notMarketRegulationPrefix(prefix: String)

    public var description: String {
        switch self {
        case .foldedToUpperCase:
            return "lower-case letters folded to upper case"
        case let .checkCharacterExceptionListed(expected):
            return "check character does not match (expected '\(expected)') but the code is listed in uscc_exceptions.csv"
        case let .organisationCodeCheckFailed(expected, actual):
            return "inner organisation code (positions 9-17) check character is '\(actual)', GB 11714 gives '\(expected)'"
        case let .notMarketRegulationPrefix(prefix):
            return "prefix '\(prefix)' is not a market-regulation registration (9x)"
        }
    }
}
