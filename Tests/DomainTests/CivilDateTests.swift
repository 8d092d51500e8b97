import Testing
@testable import Domain

@Suite struct CivilDateTests {
    @Test func parsesOnlyIsoCalendarDates() {
        #expect(CivilDate(iso: "2024-02-29") == CivilDate(year: 2024, month: 2, day: 29))
        for bad in ["2023-02-29", "2023/5/1", "2023-5-1", "2023年5月1日", "45000", "2023-13-01", "2023-00-10", " 2023-01-01"] {
            #expect(CivilDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func epochDaysRoundTrip() {
        #expect(CivilDate(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(CivilDate(iso: "2000-03-01")!.daysSinceEpoch == 11_017)
        #expect(CivilDate(iso: "1949-10-01")!.daysSinceEpoch == -7_397)
        for days in stride(from: -30_000, through: 60_000, by: 37) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }

    @Test func monthArithmeticClampsToMonthEnd() {
        #expect(CivilDate(iso: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CivilDate(iso: "2023-03-31")!.adding(months: -1).description == "2023-02-28")
        #expect(CivilDate(iso: "2024-02-29")!.adding(months: -12).description == "2023-02-28")
        #expect(CivilDate(iso: "2024-05-15")!.adding(months: -36).description == "2021-05-15")
        #expect(CivilDate(iso: "2024-12-31")!.adding(months: 2).description == "2025-02-28")
    }
}
