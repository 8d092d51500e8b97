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
}
