import Domain
import Foundation
import Testing
@testable import Lottery

/// Tickets against consistent-sampler 1.0.10 (Datasets/lottery/tickets.json, written by
/// generate_vectors.py): exact string equality, no tolerance — the tickets are digit strings.
@Suite struct TicketTests {
    @Test func seedHashesMatchThePackage() throws {
        let vectors = try LotteryTestSupport.json("Datasets/lottery/tickets.json")
        let hashes = vectors["seed_sha256_hex"] as! [String: String]
        #expect(hashes.count == 4)
        for (seed, hex) in hashes { #expect(TicketHasher(seed: seed).seedHash == hex, "seed \(seed)") }
    }

    @Test func ticketsMatchThePackageDigitForDigit() throws {
        let vectors = try LotteryTestSupport.json("Datasets/lottery/tickets.json")
        let cases = vectors["tickets"] as! [[String: String]]
        #expect(cases.count == 84)
        for item in cases {
            let ticket = TicketHasher(seed: item["seed"]!).ticket(item["id"]!)
            #expect(ticket.fraction == item["fraction"]!, "id \(item["id"]!) seed \(item["seed"]!)")
            #expect(ticket.trimmed(18) == item["trim18"]!, "id \(item["id"]!)")
            #expect(ticket.trimmed(9) == item["trim9"]!, "id \(item["id"]!)")
        }
    }

    /// The one-block fast path (`fractionKey(_:block:)`, SHA256_TransformBlocks from the
    /// midstate) and the 9-digit prefilter give the package's first 18 and 9 fraction digits.
    @Test func oneBlockKeysMatchThePackage() throws {
        let vectors = try LotteryTestSupport.json("Datasets/lottery/tickets.json")
        let cases = vectors["tickets"] as! [[String: String]]
        var oneBlock = 0
        for item in cases {
            let hasher = TicketHasher(seed: item["seed"]!)
            let digits = Array(item["fraction"]!.utf8.dropFirst(2).prefix(18))
            let expected = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1 - 48) }
            let id = Array(item["id"]!.utf8)
            if id.count <= 55 { oneBlock += 1 }
            let key = withUnsafeTemporaryAllocation(byteCount: 64, alignment: 16) { block in
                id.withUnsafeBytes { hasher.fractionKey($0, block: block.baseAddress!) }
            }
            #expect(key == expected, "id \(item["id"]!)")
            let digest = id.withUnsafeBytes { hasher.digest($0) }
            #expect(digest.fractionKeyHigh == expected / 1_000_000_000, "id \(item["id"]!)")
        }
        #expect(oneBlock > 40)
    }

    @Test func trimMatchesThePackageOnHandMadeStrings() throws {
        let vectors = try LotteryTestSupport.json("Datasets/lottery/tickets.json")
        let cases = vectors["trims"] as! [[String: Any]]
        #expect(cases.count == 12)
        for item in cases {
            let x = item["x"] as! String, digits = item["digits"] as! Int
            #expect(Ticket.trim(x, digits) == item["trim"] as! String, "trim(\(x), \(digits))")
        }
        // DESIGN.md's own example.
        #expect(Ticket.trim("0.0000123456789012345678", 18) == "0.000012345678901234")
    }

    /// Exact decimal conversion at the boundaries; the expected strings are Python's
    /// `str(2**256 - 1)`, `str(10**19)` etc. (arbitrary-precision integers).
    @Test func decimalConversionIsExactAtTheBoundaries() {
        let max = UInt64.max
        #expect(Digest256(limbs: (max, max, max, max)).decimalString
                == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(Digest256(limbs: (0, 0, 0, 0)).decimalString == "0")
        #expect(Digest256(limbs: (0, 0, 0, 10_000_000_000_000_000_000)).decimalString == "10000000000000000000")
        #expect(Digest256(limbs: (0, 0, 0, 9_999_999_999_999_999_999)).decimalString == "9999999999999999999")
        // 2^64 = 18446744073709551616; 2^192 = 6277101735386680763835789423207666416102355444464034512896.
        #expect(Digest256(limbs: (0, 0, 1, 0)).decimalString == "18446744073709551616")
        #expect(Digest256(limbs: (1, 0, 0, 0)).decimalString == "6277101735386680763835789423207666416102355444464034512896")
        // Zero pads to 64 zeros: the smallest possible fraction.
        #expect(Ticket(digest: Digest256(limbs: (0, 0, 0, 0))).fraction == "0." + String(repeating: "0", count: 64))
        // 1 pads to 63 zeros then "1"; reversed, the "1" comes first (Python: "{:064d}".format(1)[::-1]).
        #expect(Ticket(digest: Digest256(limbs: (0, 0, 0, 1))).fraction == "0.1" + String(repeating: "0", count: 63))
    }

    /// The 19-digit key orders tickets exactly as their full fraction strings do (the claim
    /// that lets the draw sort integers), and differs from the order of the digest integers.
    @Test(arguments: [UInt64(1), 2, 3])
    func keyOrderEqualsFractionOrder(seed: UInt64) {
        var random = LotteryTestSupport.SplitMix64(seed: seed)
        let hasher = TicketHasher(seed: "key-order-\(seed)-xxxxxxxxxxxx")
        let tickets = (0..<400).map { _ in hasher.ticket("id-\(random.next())") }
        var integerOrderDiffers = false
        for (a, b) in zip(tickets, tickets.dropFirst()) {
            #expect(Ticket.precedes(a, b) == (a.fraction < b.fraction), "seed \(seed)")
            let integerLess = (a.digest.limbs.0, a.digest.limbs.1, a.digest.limbs.2, a.digest.limbs.3)
                < (b.digest.limbs.0, b.digest.limbs.1, b.digest.limbs.2, b.digest.limbs.3)
            if integerLess != (a.fraction < b.fraction) { integerOrderDiffers = true }
        }
        #expect(integerOrderDiffers, "seed \(seed): the digest integers' order must not be the fractions' order")
    }

    /// Keys that tie on 19 digits fall back to the full digits: two digests with the same low
    /// 19 decimal digits but different higher digits.
    @Test func equalKeysFallBackToTheFullDigits() {
        let a = Ticket(digest: Digest256(limbs: (0, 0, 0, 5)))
        // 5 + 10^19 has the same 19 low digits as 5; its 20th digit (from the right) is 1.
        let c = Ticket(digest: Digest256(limbs: (0, 0, 0, 5 &+ 10_000_000_000_000_000_000)))
        #expect(a.key == c.key)
        #expect(Ticket.precedes(a, c) == (a.fraction < c.fraction))
        #expect(Ticket.precedes(c, a) == (c.fraction < a.fraction))
        #expect(!Ticket.sameFraction(a, c))
    }
}
