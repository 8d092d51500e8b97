import Domain
import Foundation
import Testing

/// `CodeList`: the inline per-firm code lists behave as the arrays they replace.
@Suite struct CodeListTests {
    /// Every code's compact ordinal is its place in its enum (MonthlyRunSummary counts by it),
    /// and maps back to the code; an assignment reason's are distinct across both kinds.
    @Test func ordinalsAreDeclarationOrderAndMapBack() {
        #expect(OverrideCode.allCases.map(\.compactOrdinal) == Array(OverrideCode.allCases.indices))
        #expect(ReasonCode.allCases.map(\.compactOrdinal) == Array(ReasonCode.allCases.indices))
        for code in OverrideCode.allCases { #expect(OverrideCode(compactOrdinal: code.compactOrdinal) == code) }
        for code in ReasonCode.allCases { #expect(ReasonCode(compactOrdinal: code.compactOrdinal) == code) }
        let all = OverrideCode.allCases.map(AssignmentReason.override) + ReasonCode.allCases.map(AssignmentReason.model)
        #expect(Set(all.map(\.compactOrdinal)).count == all.count)
        #expect(all.allSatisfy { (0..<64).contains($0.compactOrdinal) && AssignmentReason(compactOrdinal: $0.compactOrdinal) == $0 })
    }

    @Test func aListHoldsItsCodesInOrder() {
        let codes: [AssignmentReason] = [.override(.manual), .model(.notInspected), .override(.inactive), .model(.penalties12m)]
        var list = CodeList<AssignmentReason>()
        #expect(list.isEmpty && list.count == 0 && Array(list) == [])
        for (index, code) in codes.enumerated() {
            list.append(code)
            #expect(list.count == index + 1 && list.last == code)
        }
        #expect(Array(list) == codes)
        #expect(list == CodeList(codes))
        #expect(list != CodeList(codes.reversed()))
        #expect(list.description == codes.description)
        // Up to the capacity: the same code ten times.
        let full = CodeList(Array(repeating: ReasonCode.notInspected, count: CodeList<ReasonCode>.capacity))
        #expect(full.count == 10 && full.allSatisfy { $0 == .notInspected })
        // Equal lists hash alike (a Set of assignments relies on it).
        #expect(Set([CodeList<OverrideCode>([.abnormalMinC]), [.abnormalMinC], []]).count == 2)
    }

    /// JSON as the array of codes (ScoredEnterprise's `reasons`), both ways.
    @Test func codableAsTheArrayOfCodes() throws {
        let list: CodeList<ReasonCode> = [.domain, .complaints]
        let data = try JSONEncoder().encode(list)
        #expect(String(decoding: data, as: UTF8.self) == #"["R_DOMAIN","R_COMPLAINTS"]"#)
        #expect(try JSONDecoder().decode(CodeList<ReasonCode>.self, from: data) == list)
        let eleven = try JSONEncoder().encode(Array(repeating: ReasonCode.domain, count: 11))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CodeList<ReasonCode>.self, from: eleven) }
    }
}
