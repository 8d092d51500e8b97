import Testing
import Domain
@testable import Features

/// The feature pass's key table against the sorted keys it indexes.
struct EnterpriseKeyTableTests {
    /// An 18-character code from a number (the digits vary in the later characters, as real
    /// codes' sequence numbers do).
    static func key(_ number: Int) -> CreditCode {
        let text = "9132020500" + String(String(number, radix: 36).uppercased().reversed()).padding(toLength: 8, withPad: "0", startingAt: 0)
        return CreditCode(unchecked: text)
    }

    @Test func everyKeyIsFoundAtItsPositionAndNoOtherKeyIs() {
        // 50,000 keys out of 100,000: the others must not be found.
        let all = (0..<100_000).map(Self.key)
        let keys = stride(from: 0, to: all.count, by: 2).map { all[$0] }.sorted()
        let table = EnterpriseKeyTable(keys)
        for (position, key) in keys.enumerated() {
            #expect(table.position(of: key, in: keys) == position)
        }
        var strangers = 0
        for number in stride(from: 1, to: all.count, by: 2) where table.position(of: all[number], in: keys) != nil { strangers += 1 }
        #expect(strangers == 0)
    }

    @Test func emptyAndTinyTables() {
        #expect(EnterpriseKeyTable([]).position(of: Self.key(1), in: []) == nil)
        let one = [Self.key(7)]
        #expect(EnterpriseKeyTable(one).position(of: Self.key(7), in: one) == 0)
        #expect(EnterpriseKeyTable(one).position(of: Self.key(8), in: one) == nil)
    }
}
