import Domain
import Statistics
import Testing
@testable import Ingest

/// The open-addressing `EnterpriseIndex` against a `Dictionary` holding the same codes: inserts,
/// overwrites, removals (backward shift), growth past the reserved size, lookups by bytes,
/// per-file claims, and value semantics.
@Suite struct EnterpriseIndexTests {
    /// A deterministic stream of 18-character codes over the credit-code charset.
    struct Codes {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { random.next() }
        /// Codes that share their first 8 characters (one district), as a city's do.
        mutating func code() -> CreditCode {
            var text = Array("91320205".utf8)
            for _ in 0..<10 { text.append(CreditCode.charset[Int(next() % UInt64(CreditCode.charset.count))]) }
            return CreditCode(unchecked: String(decoding: text, as: UTF8.self))
        }
    }

    @Test func agreesWithADictionaryThroughInsertsOverwritesAndRemovals() {
        var codes = Codes(state: 7)
        var index = EnterpriseIndex()
        var reference: [CreditCode: Set<SupervisionDomain>] = [:]
        var known: [CreditCode] = []
        let domains = SupervisionDomain.allCases
        for step in 0..<60_000 {
            let roll = codes.next() % 10
            if roll < 6 || known.isEmpty {
                let code = codes.code()
                let value: Set<SupervisionDomain> = [domains[Int(codes.next() % UInt64(domains.count))]]
                index[code] = value
                reference[code] = value
                known.append(code)
            } else if roll < 8 {
                let code = known[Int(codes.next() % UInt64(known.count))]
                let value = Set(domains.filter { _ in codes.next() % 2 == 0 })
                index[code] = value
                reference[code] = value
            } else {
                let code = known[Int(codes.next() % UInt64(known.count))]
                index[code] = nil
                reference[code] = nil
            }
            if step % 5_000 == 0 {
                #expect(index.count == reference.count)
                for code in known { #expect(index[code] == reference[code], "\(code)") }
            }
        }
        #expect(index.count == reference.count)
        for code in known {
            #expect(index[code] == reference[code], "\(code)")
            var text = code.value
            #expect(text.withUTF8 { index.mask(bytes: $0) } == reference[code].map(EnterpriseIndex.mask))
        }
        // Codes never inserted are not found.
        var others = Codes(state: 8)
        for _ in 0..<2_000 {
            let code = others.code()
            #expect(index[code] == reference[code])
        }
    }

    @Test func aFileClaimsACodeOnceAndAnotherFileMayClaimItAgain() {
        var codes = Codes(state: 11)
        let stored = codes.code(), fresh = codes.code()
        var index: EnterpriseIndex = [stored: [.food]]
        let first = index.newFileMark(), second = index.newFileMark()
        #expect(first != second && first != 0 && second != 0)
        let storedFirst = index.claim(stored, file: first)     // in the store, new to this file
        #expect(storedFirst)
        #expect(index[stored] == [.food])                       // a claim keeps the domains
        let storedAgain = index.claim(stored, file: first)     // the same file again: a duplicate
        #expect(!storedAgain)
        let freshFirst = index.claim(fresh, file: first)
        #expect(freshFirst)
        #expect(index[fresh] == [])                             // known, its domains not set yet
        let freshSecond = index.claim(fresh, file: second)     // another enterprises file of the import
        #expect(freshSecond)
        let freshSecondAgain = index.claim(fresh, file: second)
        #expect(!freshSecondAgain)
        #expect(index.count == 2)
    }

    @Test func copiesAreIndependent() {
        var codes = Codes(state: 3)
        let a = codes.code(), b = codes.code()
        var original: EnterpriseIndex = [a: [.drug]]
        let copy = original
        original[b] = [.cosmetic]
        original[a] = [.food]
        #expect(copy[a] == [.drug] && copy[b] == nil && copy.count == 1)
        #expect(original[a] == [.food] && original[b] == [.cosmetic] && original.count == 2)
        var reserved = copy
        reserved.reserveCapacity(100_000)
        #expect(reserved[a] == [.drug] && reserved.count == 1)
    }
}
