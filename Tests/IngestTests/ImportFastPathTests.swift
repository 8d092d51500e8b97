import Domain
import Foundation
import Testing
@testable import Ingest

/// The importer's byte-level fast paths must accept and return exactly what the general paths do.
@Suite struct ImportFastPathTests {
    /// Strings the quick check passes are unchanged by Foundation's NFC; strings with combining
    /// marks, Hangul jamo or compatibility ideographs are left to Foundation.
    @Test func nfcQuickCheckAgreesWithFoundation() {
        let passing = ["示例有限公司", "Café Ltd", "ABC 食品（无锡）店", "无锡市〔2023〕号", "Ａ１超市", ""]
        for text in passing {
            #expect(ImportFileReader.isNFCWithoutNormalising(text), "\(text)")
            #expect(Array(text.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(text.unicodeScalars), "\(text)")
        }
        for text in ["Cafe\u{301}", "\u{1100}\u{1161}", "\u{F900}", "a\u{30A}"] {
            #expect(!ImportFileReader.isNFCWithoutNormalising(text), "\(text)")
        }
    }

    @Test func enterpriseIndexKeepsDomainsPerCode() {
        let a = CreditCode(unchecked: "91350100M00010006A")
        let b = CreditCode(unchecked: "91350100M00010007Y")
        var index: EnterpriseIndex = [a: [.food, .drug]]
        index[b] = [.industrialProduct]
        #expect(index[a] == [.food, .drug])
        #expect(index[b] == [.industrialProduct])
        #expect(index[CreditCode(unchecked: "91350100M00010008W")] == nil)
        #expect(index.count == 2)
        var exact = "91350100M00010006A", lower = "91350100m00010006a", short = "91350100M00010006"
        #expect(exact.withUTF8 { index.mask(bytes: $0) } == EnterpriseIndex.mask([.food, .drug]))
        // Only the exact canonical spelling takes the fast path; the rest is validated first.
        #expect(lower.withUTF8 { index.mask(bytes: $0) } == nil)
        #expect(short.withUTF8 { index.mask(bytes: $0) } == nil)
    }

    /// Every 10-byte string over the characters a date uses, plus known bad shapes: the byte
    /// parser agrees with `CivilDate(iso:)` (which it now backs) and with the calendar.
    @Test func dateBytesAgreeWithCalendar() {
        let cases = ["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "0000-01-01", "9999-12-31", "2023-13-01",
                     "2023-00-10", "2023-01-00", "2023-04-31", "2023/05/01", "2023-5-01", "２０２３-05-01", "2023-05-0a", "+023-05-01"]
        for text in cases {
            var copy = text
            let parsed = copy.withUTF8 { CivilDate(isoBytes: $0) }
            let parts = text.split(separator: "-")
            var expected: CivilDate? = nil
            if text.utf8.count == 10, parts.count == 3, parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
               parts[0].count == 4, parts[1].count == 2, parts[2].count == 2 {
                expected = CivilDate(year: Int(parts[0])!, month: Int(parts[1])!, day: Int(parts[2])!)
            }
            #expect(parsed == expected, "\(text)")
        }
    }
}
