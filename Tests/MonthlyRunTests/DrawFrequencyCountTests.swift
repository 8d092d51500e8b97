import Testing
import Domain
@testable import RiskTierKit

/// Frequency caps (DOMAIN.md §2.2) count stored draw records and imported random-draw
/// inspections, each (draw, firm) once; cases worked by hand.
@Suite struct DrawFrequencyCountTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let firm = "91350100M000100Y43"
    static let other = "91350100M000200Y43"

    static func inspection(_ on: String, enterprise: String = firm, origin: InspectionOrigin = .randomDraw, drawId: String? = "D2026-03-C",
                           domain: SupervisionDomain = .food, tag: String = "") throws -> Inspection {
        try Inspection(header: EventHeader(eventId: "i-\(on)\(tag)", enterpriseId: CreditCode(unchecked: enterprise), domain: domain, recordedOn: nil),
                       inspectedOn: date(on), origin: origin, drawId: origin == .randomDraw ? drawId : nil, findingsCount: 0, maxSeverity: .none,
                       outcome: .noProblem, inspectorIds: ["I1", "I2"])
    }

    @Test func importedRandomDrawsCountTowardTheCap() throws {
        // Task on 2026-11-15: the window is (2025-11-15, 2026-11-15).
        var count = DrawFrequencyCount(domain: .food, taskDate: Self.date("2026-11-15"))
        count.addInspection(try Self.inspection("2026-03-10", drawId: "D2026-03-C"))                  // counts
        count.addInspection(try Self.inspection("2026-06-10", drawId: "D2026-06-C"))                  // counts: a second draw
        count.addInspection(try Self.inspection("2026-06-12", drawId: "D2026-06-C", tag: "b"))        // same draw again: once
        count.addInspection(try Self.inspection("2025-11-15", drawId: "D2025-11-C"))                  // t − 12 months: outside
        count.addInspection(try Self.inspection("2026-11-15", drawId: "D2026-11-C"))                  // on t: outside
        count.addInspection(try Self.inspection("2026-07-01", origin: .routine))                      // not a random draw
        count.addInspection(try Self.inspection("2026-07-01", drawId: "D2026-07-X", domain: .drug))   // another domain's item
        count.addInspection(try Self.inspection("2025-11-16", enterprise: Self.other, drawId: "D2025-11-B"))  // first day inside
        #expect(count.counts == [Self.firm: 2, Self.other: 1])
    }

    @Test func aStoredDrawAndItsInspectionCountOnce() throws {
        var count = DrawFrequencyCount(domain: .food, taskDate: Self.date("2026-11-15"))
        count.addRecordedDraw(id: "2026-food-q1", domain: .food, taskDate: Self.date("2026-03-01"), selected: [Self.firm, Self.other])
        count.addRecordedDraw(id: "2026-drug-q1", domain: .drug, taskDate: Self.date("2026-03-01"), selected: [Self.firm])      // other domain
        count.addRecordedDraw(id: "2025-food-q4", domain: .food, taskDate: Self.date("2025-11-15"), selected: [Self.firm])      // outside
        // The inspection that carried out the stored draw: the same (draw, firm).
        count.addInspection(try Self.inspection("2026-03-20", drawId: "2026-food-q1"))
        // An imported draw made before the system: a second one for the firm.
        count.addInspection(try Self.inspection("2026-09-20", drawId: "D2026-09-C"))
        #expect(count.counts == [Self.firm: 2, Self.other: 1])
    }
}
