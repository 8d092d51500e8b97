import Foundation
import Testing
import Domain
@testable import Features

@Suite struct FeatureWindowTests {
    typealias F = Fixtures

    @Test func longWindowExcludesItsStartAndIncludesAsOf() throws {
        // t = 2024-06-30: (2021-06-30, 2024-06-30]; short window (2023-06-30, 2024-06-30].
        let row = try F.row([
            F.penalty("2021-06-30"), F.penalty("2021-07-01"), F.penalty("2023-06-30"), F.penalty("2023-07-01"),
            F.penalty("2024-06-30"), F.penalty("2024-07-01"),
        ], asOf: "2024-06-30")
        #expect(row[.penCount36m] == 4)   // 2021-07-01, 2023-06-30, 2023-07-01, 2024-06-30
        #expect(row[.penCount12m] == 2)   // 2023-07-01, 2024-06-30
        #expect(row[.daysSincePenalty] == 0)
    }

    @Test func windowStartClampsToFebruaryEnd() throws {
        // t = 2024-02-29 → 12 months back = 2023-02-28 (clamped), 36 months back = 2021-02-28.
        let row = try F.row([
            F.penalty("2023-02-28"), F.penalty("2023-03-01"), F.penalty("2021-02-28"), F.penalty("2021-03-01"),
        ], asOf: "2024-02-29")
        #expect(row[.penCount12m] == 1)
        #expect(row[.penCount36m] == 3)
    }

    @Test func monthsSinceInspectedCountsCalendarMonthsWithClamping() throws {
        // 2024-01-31 + 1 month = 2024-02-29 ≤ t: one whole month.
        #expect(try F.row([F.inspection("2024-01-31")], asOf: "2024-02-29")[.monthsSinceInspected] == 1)
        // t = 2023-03-31: 2023-02-28 + 1 month = 2023-03-28 ≤ t → 1; 2022-03-31 + 12 = 2023-03-31 → 12.
        #expect(try F.row([F.inspection("2023-02-28")], asOf: "2023-03-31")[.monthsSinceInspected] == 1)
        #expect(try F.row([F.inspection("2022-03-31")], asOf: "2023-03-31")[.monthsSinceInspected] == 12)
        #expect(try F.row([F.inspection("2022-04-01")], asOf: "2023-03-31")[.monthsSinceInspected] == 11)
        // Capped at 60, and 60 when never inspected.
        #expect(try F.row([F.inspection("2015-01-01")], asOf: "2023-03-31")[.monthsSinceInspected] == 60)
        #expect(try F.row([], asOf: "2023-03-31")[.monthsSinceInspected] == 60)
    }

    @Test func severityDecayHalvesEveryYear() throws {
        // t = 2024-06-30. Severity 2 (ordinary fine) 366 days before, severity 3 (heavy) 731 days
        // before, severity 1 (summary warning) on t. Ages in days from CivilDate arithmetic.
        let t = F.date("2024-06-30")
        let row = try F.row([
            F.penalty(t.adding(days: -365).description, fineCNY: 1000),
            F.penalty(t.adding(days: -730).description, fineCNY: 2000, heavy: true),
            F.penalty("2024-06-30", procedure: .summary, kinds: [.warning]),
        ], asOf: "2024-06-30")
        // 1·0.5^1 + 3·0.5^2 + 0.5·0.5^0 = 0.5 + 0.75 + 0.5
        #expect(abs(row[.penSeverityDecay36m]! - 1.75) < 1e-12) // pow rounding only
        // log1p((1000 + 2000) / 1000) = log 4
        #expect(abs(row[.penFineLog36m]! - log(4)) < 1e-12)
    }

    @Test func daysSincePenaltyIsCappedAndFlagsNeverPenalised() throws {
        let recent = try F.row([F.penalty("2024-03-22")], asOf: "2024-06-30")
        #expect(recent[.daysSincePenalty] == 100)
        #expect(recent[.neverPenalised] == 0)
        let old = try F.row([F.penalty("2018-01-01")], asOf: "2024-06-30")
        #expect(old[.daysSincePenalty] == 1825)
        #expect(old[.neverPenalised] == 0)
        #expect(old[.penCount36m] == 0)
        let none = try F.row([], asOf: "2024-06-30")
        #expect(none[.daysSincePenalty] == 1825)
        #expect(none[.neverPenalised] == 1)
    }

    @Test func recordedOnFiltersOnlyInBackTests() throws {
        let late = F.penalty("2024-06-01", recordedOn: "2024-07-15")
        let onTime = F.penalty("2024-05-01", fineCNY: 500, recordedOn: "2024-05-02")
        #expect(try F.row([late, onTime], asOf: "2024-06-30")[.penCount12m] == 2)
        let backTest = FeatureOptions(respectRecordedOn: true)
        let row = try F.row([late, onTime], asOf: "2024-06-30", options: backTest)
        #expect(row[.penCount12m] == 1)
        #expect(row[.daysSincePenalty] == 60) // 2024-05-01 → 2024-06-30
    }

    @Test func repairClearsFeaturesOnlyWhenAsked() throws {
        let repaired = F.penalty("2023-01-10", publicityEndedOn: "2024-01-10")
        #expect(try F.row([repaired], asOf: "2024-06-30")[.penCount36m] == 1)
        let cleared = try F.row([repaired], asOf: "2024-06-30", options: FeatureOptions(repairClearsFeatures: true))
        #expect(cleared[.penCount36m] == 0)
        #expect(cleared[.neverPenalised] == 1)
        // Repair after the as-of date does not clear yet.
        #expect(try F.row([repaired], asOf: "2023-12-31", options: FeatureOptions(repairClearsFeatures: true))[.penCount36m] == 1)
    }

    @Test func nonFinalSamplingFailsAreIgnored() throws {
        let row = try F.row([
            F.sampling("2024-01-10", fail: .safety, isFinal: false),
            F.sampling("2024-02-10", fail: .quality),
            F.sampling("2024-03-10"),
        ], asOf: "2024-06-30")
        #expect(row[.sampTests36m] == 2)
        #expect(row[.sampFail36m] == 1)
        #expect(row[.sampSafetyFail36m] == 0)
    }

    @Test func shrunkRatesUseDomainPriors() throws {
        // Priors: food 1 fail in 10 tests (0.1), drug 3 in 10 (0.3); findings food 2 per inspection.
        let priors = FeaturePriors(samplingTests: [10, 10, 0, 0, 0, 0], samplingFails: [1, 3, 0, 0, 0, 0],
                                   inspections: [5, 0, 0, 0, 0, 0], findings: [10, 0, 0, 0, 0, 0])
        #expect(priors.samplingFailRate[.food] == 0.1)
        #expect(priors.samplingFailRate[.drug] == 0.3)
        #expect(priors.samplingFailRate[.cosmetic] == 0.2) // no tests: all-domain rate 4/20
        let events = [F.sampling("2024-01-10", fail: .quality), F.sampling("2024-02-10"),
                      F.inspection("2024-03-01", findings: 4, severity: .serious)]
        let food = try F.row(events, asOf: "2024-06-30", priors: priors)
        // (1 + 10·0.1)/(2 + 10) = 2/12; (4 + 10·2)/(1 + 10) = 24/11
        #expect(abs(food[.sampFailRateShrunk]! - 2.0 / 12) < 1e-15) // one division
        #expect(abs(food[.inspFindingRateShrunk]! - 24.0 / 11) < 1e-15)
        #expect(food[.inspSerious36m] == 1)
        // Multi-domain: m = mean(0.1, 0.3) = 0.2 → (1 + 2)/12.
        let both = try F.row(events, asOf: "2024-06-30", enterprise: F.enterprise(domains: [.food, .drug]), priors: priors)
        #expect(abs(both[.sampFailRateShrunk]! - 3.0 / 12) < 1e-15)
        #expect(both[.domainDrug] == 1)
        #expect(both[.domainCosmetic] == 0)
    }

    @Test func listSpellsAndAbnormalNow() throws {
        let exitedOnAsOf = try F.row([F.listEntry(.abnormalOperation, entered: "2024-01-01", exited: "2024-06-30")], asOf: "2024-06-30")
        #expect(exitedOnAsOf[.abnormalNow] == 0) // the exit day is off the list
        #expect(exitedOnAsOf[.abnormalSpells36m] == 1)
        let exitsLater = try F.row([F.listEntry(.abnormalOperation, entered: "2024-01-01", exited: "2024-07-01")], asOf: "2024-06-30")
        #expect(exitsLater[.abnormalNow] == 1)
        // A spell that ended on the window's first day (2021-07-01) was on the list on no day
        // of (2021-06-30, 2024-06-30]; one ending a day later was.
        #expect(try F.row([F.listEntry(.abnormalOperation, entered: "2020-01-01", exited: "2021-07-01")], asOf: "2024-06-30")[.abnormalSpells36m] == 0)
        #expect(try F.row([F.listEntry(.abnormalOperation, entered: "2020-01-01", exited: "2021-07-02")], asOf: "2024-06-30")[.abnormalSpells36m] == 1)
        let serious = try F.row([F.listEntry(.seriousDishonesty, entered: "2021-01-01", exited: "2023-01-01", exitReason: .creditRepair)], asOf: "2024-06-30")
        #expect(serious[.seriousExited36m] == 1)
        #expect(serious[.abnormalNow] == 0)
    }

    @Test func complaintsAgeAndLicences() throws {
        let row = try F.row([
            F.complaint("2024-01-01", substantiated: .yes), F.complaint("2024-02-01", substantiated: .no),
            F.complaint("2023-06-30", substantiated: .yes), // outside the 12-month window
            F.licence(issued: "2015-01-01", status: .revoked, changed: "2023-05-01"),
        ], asOf: "2024-06-30", enterprise: F.enterprise(registeredOn: "2023-12-31"))
        #expect(row[.complaintsSubstantiated12m] == 1)
        #expect(abs(row[.complaintsLog12m]! - log(3)) < 1e-15)
        #expect(row[.licenceLapsed36m] == 1)
        #expect(row[.isNew] == 1)
        #expect(abs(row[.ageLogYears]! - log1p(182 / 365.25)) < 1e-15)
        #expect(row[.entityTypeOther] == 0)
    }
}
