import Testing
import Domain
@testable import RiskTierKit

/// The run summary's counts, directions and reason ranking, on assignments built by hand.
struct MonthlyRunSummaryTests {
    static let asOf = CivilDate(iso: "2025-12-31")!

    static func firm(_ number: Int, from previous: Tier?, to tier: Tier?, reasons: [AssignmentReason] = []) -> TierAssignment {
        TierAssignment(enterpriseId: CreditCode(unchecked: "91110000" + String(repeating: "0", count: 9 - String(number).count) + "\(number)X"), asOf: asOf,
                       score: nil, overrides: [], manualOverride: nil, proposedTier: tier, tier: tier, previousTier: previous,
                       pendingImprovement: nil, reasons: CodeList(reasons))
    }

    @Test func countsDirectionsAndTopReasons() {
        let complaints = AssignmentReason.model(.complaints), penalties = AssignmentReason.model(.penalties12m)
        let listed = AssignmentReason.override(.seriousListD)
        let firms = [
            Self.firm(1, from: .a, to: .a, reasons: [complaints]),          // unchanged
            Self.firm(2, from: .a, to: .c, reasons: [complaints, penalties]), // riskier
            Self.firm(3, from: .b, to: .d, reasons: [listed, penalties]),    // riskier
            Self.firm(4, from: .d, to: .b, reasons: [complaints]),           // safer
            Self.firm(5, from: nil, to: .b),                                 // first tiered
            Self.firm(6, from: .c, to: nil),                                 // now inactive
            Self.firm(7, from: nil, to: nil),                                // inactive, unchanged
        ]
        let summary = MonthlyRunSummary(firms, topReasons: 2)
        #expect(summary.tierCounts == [1, 2, 1, 1])
        #expect(summary.inactive == 2)
        #expect((summary.riskier, summary.safer, summary.newlyTiered, summary.untiered) == (2, 1, 1, 1))
        #expect(summary.transitions == firms.filter(\.isTransition).count)
        // R_COMPLAINTS 3, then R_PEN_12M 2 (O_SERIOUS_LIST_D 1 is cut).
        #expect(summary.topReasons.map(\.code) == ["R_COMPLAINTS", "R_PEN_12M"])
        #expect(summary.topReasons.map(\.firms) == [3, 2])
        #expect(summary.lines(asOf: Self.asOf) == [
            "tiers (as of 2025-12-31): A 1 (20.0 %), B 2 (40.0 %), C 1 (20.0 %), D 1 (20.0 %), inactive 2",
            "transitions: 5 (riskier 2, safer 1, first tiered 1, now inactive 1)",
            "top reasons: R_COMPLAINTS 3, R_PEN_12M 2",
        ])
    }

    @Test func tiesGoByCodeAndNoFirmsSaySo() {
        let tied = [Self.firm(1, from: .a, to: .a, reasons: [.model(.penalties36m)]), Self.firm(2, from: .a, to: .a, reasons: [.model(.complaints)])]
        #expect(MonthlyRunSummary(tied).topReasons.map(\.code) == ["R_COMPLAINTS", "R_PEN_36M"])
        let empty = MonthlyRunSummary([])
        #expect(empty.lines(asOf: Self.asOf) == [
            "tiers (as of 2025-12-31): A 0 (0.0 %), B 0 (0.0 %), C 0 (0.0 %), D 0 (0.0 %), inactive 0",
            "transitions: 0 (riskier 0, safer 0, first tiered 0, now inactive 0)",
            "top reasons: none",
        ])
    }
}
