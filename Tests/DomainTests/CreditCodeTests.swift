import Foundation
import Testing
@testable import Domain

/// Vectors from DOMAIN.md §1.1 (worked example from the hutool/HAODA algorithms; legacy pilot code
/// from aarioai/id-rule). `911101080000000080` was found by an independent Python implementation of
/// the check (31 − S mod 31, 31 → 0) as a code whose check value is 0.
@Suite struct CreditCodeTests {
    @Test func workedExampleIsValid() throws {
        let validated = try CreditCode.validate("91350100M000100Y43").get()
        #expect(validated.code.value == "91350100M000100Y43")
        #expect(validated.warnings.isEmpty)
        #expect(CreditCode.checkCharacter(for: Array("91350100M000100Y4".utf8)) == "3")
    }

    @Test func checkValueZero() throws {
        #expect(CreditCode.checkCharacter(for: Array("91110108000000008".utf8)) == "0")
        let validated = try CreditCode.validate("911101080000000080").get()
        // The inner organisation code 00000000 8 fails GB 11714 (expects 0): a warning, not an error.
        #expect(validated.warnings == [.organisationCodeCheckFailed(expected: "0", actual: "8")])
    }

    @Test func legacyPilotCodeNeedsException() {
        #expect(CreditCode.validate("91350100M0001TGQXM") == .failure(
            .checkCharacterMismatch(text: "91350100M0001TGQXM", expected: "1", actual: "M")))
        let listed = CreditCode.validate("91350100M0001TGQXM", exceptions: ["91350100M0001TGQXM"])
        #expect((try? listed.get())?.warnings.first == .checkCharacterExceptionListed(expected: "1"))
    }

    @Test func everySingleCharacterMutationFails() {
        let valid = Array("91350100M000100Y43")
        for position in valid.indices {
            for replacement in CreditCode.charset.map({ Character(Unicode.Scalar($0)) }) where replacement != valid[position] {
                var mutated = valid
                mutated[position] = replacement
                let text = String(mutated)
                if case .success = CreditCode.validate(Substring(text)) {
                    Issue.record("mutation at \(position + 1) to \(replacement) passed: \(text)")
                }
            }
        }
    }

    @Test func lowerCaseIsFoldedWithWarning() throws {
        let validated = try CreditCode.validate("  91350100m000100y43 ").get()
        #expect(validated.code.value == "91350100M000100Y43")
        #expect(validated.warnings == [.foldedToUpperCase])
    }

    @Test(arguments: [
        ("９1350100M000100Y43", "position 1"),
        ("91350100M000100O43", "'O' at position 16"),
        ("9135010-M000100Y43", "'-' at position 8"),
        ("350100000012345", "(15 characters)"),
        ("91AB0100M000100Y43", "non-digit at position 3"),
    ])
    func malformedCodesAreErrors(text: String, fragment: String) {
        guard case let .failure(error) = CreditCode.validate(Substring(text)) else {
            Issue.record("\(text) was accepted"); return
        }
        #expect(error.description.contains(fragment), "\(error)")
    }

    @Test func nonMarketPrefixIsWarning() throws {
        // 12 = public-sector establishment; build a valid check character for it.
        let first17 = "12350100M000100Y4"
        let code = first17 + String(CreditCode.checkCharacter(for: Array(first17.utf8))!)
        let validated = try CreditCode.validate(Substring(code)).get()
        #expect(validated.warnings == [.notMarketRegulationPrefix(prefix: "12")])
    }

    /// `validate` answers the common case (18 canonical characters) on the bytes; a leading space
    /// sends the same code down the general path (trim, fold, walk characters). Both must agree,
    /// result and warnings, on codes with right and wrong check characters, right and wrong
    /// organisation checks, other prefixes and non-digits at positions 3–8.
    @Test func canonicalFastPathAgreesWithTheGeneralPath() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let charset = CreditCode.charset
        var checked = 0, valid = 0
        for _ in 0..<20_000 {
            var bytes = [next(4) == 0 ? charset[next(31)] : UInt8(ascii: "9"), charset[next(31)]]
            for _ in 2..<8 { bytes.append(next(20) == 0 ? charset[next(31)] : UInt8(48 + next(10))) }
            for _ in 8..<17 { bytes.append(charset[next(31)]) }
            if next(2) == 0 {
                // Make the organisation check right half of the time.
                let inner = String(CreditCode.organisationCheckCharacter(for: bytes[8..<16]))
                if let byte = inner.utf8.first, CreditCode.charset.contains(byte) { bytes[16] = byte }
            }
            let check = CreditCode.checkCharacter(for: bytes)
            bytes.append(next(8) == 0 || check == nil ? charset[next(31)] : UInt8(ascii: Unicode.Scalar(String(check!))!))
            let code = String(decoding: bytes, as: UTF8.self)
            let fast = CreditCode.validate(Substring(code), exceptions: [])
            #expect(fast == CreditCode.validate(Substring(" " + code), exceptions: []), "\(code)")
            if case let .success(validated) = fast, validated.warnings.isEmpty { valid += 1 }
            checked += 1
        }
        // Enough codes took the fast path (valid with no warning) for the comparison to mean something.
        #expect(valid > 2_000, "\(valid) of \(checked)")
    }

    /// The code's bytes are held inline: its text, order, equality and coding are the text's.
    @Test func inlineStorageBehavesAsItsText() throws {
        let texts = ["91350100M000100Y43", "91350100M000100Y44", "9135010000000000X", "92350100MA2Y0000X0", "9", "",
                     "12350100000000000X", "91350100M000100Y4", "91350100M000100Y43ABCDE"]
        for a in texts {
            let code = CreditCode(unchecked: a)
            #expect(code.value == a)
            #expect(code.utf8Count == a.utf8.count)
            #expect(code.withUTF8 { Array($0) } == Array(a.utf8))
            let bytes = Array(a.utf8)
            #expect(bytes.withUnsafeBytes { CreditCode(uncheckedUTF8: $0) } == code)
            for b in texts {
                let other = CreditCode(unchecked: b)
                #expect((code < other) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a) < \(b)")
                #expect((code == other) == (a == b))
                #expect((code.hashValue == other.hashValue) || a != b)
            }
        }
        #expect(CreditCode(unchecked: "91350100M000100Y43").firstTwoBytes == (57, 49))
        #expect(CreditCode(unchecked: "9").firstTwoBytes == (57, 0))
        // Coded as when it was a stored string: {"value": "…"}.
        let json = try JSONEncoder().encode(CreditCode(unchecked: "91350100M000100Y43"))
        #expect(String(decoding: json, as: UTF8.self) == #"{"value":"91350100M000100Y43"}"#)
        #expect(try JSONDecoder().decode(CreditCode.self, from: json) == CreditCode(unchecked: "91350100M000100Y43"))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CreditCode.self, from: Data(#"{"value":"913501000000000000000000X"}"#.utf8))
        }
    }
}
