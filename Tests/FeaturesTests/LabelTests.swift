import Testing
import Domain
@testable import Features

@Suite struct LabelTests {
    typealias F = Fixtures

    static func label(_ events: [Event], asOf: String = "2023-06-30", options: LabelOptions = LabelOptions(dataEnd: F.date("2024-12-31"))) throws -> ObservationLabel? {
        var builder = try FeatureBuilder(asOf: F.date(asOf), label: options)
        try builder.add(enterprise: F.enterprise(), events: events)
        return builder.featureSet(priors: F.zeroPriors).labels[0]
    }

    @Test func labelWindowIsAfterAsOfThroughTwelveMonths() throws {
        // An inspection on t belongs to the features, not the label window (t, t + 12 months].
        #expect(try Self.label([F.inspection("2023-06-30", findings: 1, severity: .serious)]) == nil)
        #expect(try Self.label([F.inspection("2023-07-01")]) == ObservationLabel(outcome: false, isRandomDraw: false, inclusionProbability: nil))
        #expect(try Self.label([F.inspection("2024-06-30", findings: 1, severity: .serious)])?.outcome == true)
        #expect(try Self.label([F.inspection("2024-07-01", findings: 1, severity: .serious)]) == nil)
    }

    @Test func labelOutcomes() throws {
        let look = F.inspection("2023-08-01")
        #expect(try Self.label([look, F.penalty("2023-09-01")])?.outcome == true) // ordinary fine: severity 2
        #expect(try Self.label([look, F.penalty("2023-09-01", procedure: .ordinary, kinds: [.warning])])?.outcome == false) // severity 1
        #expect(try Self.label([look, F.penalty("2023-09-01", procedure: .summary, fineCNY: 100)])?.outcome == false)
        #expect(try Self.label([look, F.listEntry(.seriousDishonesty, entered: "2024-01-01")])?.outcome == true)
        #expect(try Self.label([look, F.listEntry(.abnormalOperation, entered: "2024-01-01")])?.outcome == false)
        #expect(try Self.label([F.sampling("2023-09-01", fail: .safety)])?.outcome == true)
        #expect(try Self.label([F.sampling("2023-09-01", fail: .quality)])?.outcome == false)
        // A non-final fail neither observes nor labels.
        #expect(try Self.label([F.sampling("2023-09-01", fail: .safety, isFinal: false)]) == nil)
        // A penalty without an observation: not labelled (only observed firms get labels).
        #expect(try Self.label([F.penalty("2023-09-01")]) == nil)
    }

    @Test func randomDrawInclusionProbability() throws {
        let drawn = F.inspection("2023-09-01", origin: .randomDraw, drawId: "D2023-09")
        let options = LabelOptions(dataEnd: F.date("2024-12-31"),
                                   inclusionProbabilities: [DrawMembership(drawId: "D2023-09", enterpriseId: F.firmId): 0.3],
                                   fallbackInclusionProbability: 0.05)
        let recorded = try #require(try Self.label([drawn], options: options))
        #expect(recorded.isRandomDraw)
        #expect(recorded.inclusionProbability == 0.3)
        let fallback = try #require(try Self.label([F.inspection("2023-09-01", origin: .randomDraw, drawId: "OLD")], options: options))
        #expect(fallback.inclusionProbability == 0.05)
        #expect(fallback.horvitzThompsonWeight == 20)
    }

    /// π by hand: the synthetic city's ids `D<yyyy>-<mm>-<stratum>` name the stratum drawn from;
    /// π = that stratum's annual rate × horizon/12 (at most 1). A recorded membership wins; an
    /// id without a tier suffix gets the fallback. Exact comparisons: each value is one product
    /// of the literals, e.g. 0.30 × 12/12 = 0.30 and 0.30 × 6/12 = 0.15 in binary64.
    static let standardRates: [Tier: Double] = [.a: 0.03, .b: 0.05, .c: 0.10, .d: 0.30]

    @Test(arguments: [("D2023-09-A", 0.03), ("D2023-09-B", 0.05), ("D2023-12-C", 0.10), ("D2024-03-D", 0.30),
                      ("2023-food-q3", 0.05), ("D2023-09-E", 0.05), ("D2023-09-a", 0.05), ("D", 0.05)])
    func inclusionProbabilityFromTheDrawIdStratum(drawId: String, expected: Double) throws {
        let options = LabelOptions(dataEnd: F.date("2024-12-31"), annualStratumRates: Self.standardRates, fallbackInclusionProbability: 0.05)
        let label = try #require(try Self.label([F.inspection("2023-09-01", origin: .randomDraw, drawId: drawId)], options: options))
        #expect(label.isRandomDraw)
        #expect(label.inclusionProbability == expected, "\(drawId)")
        #expect(label.horvitzThompsonWeight == 1 / expected)
    }

    @Test func inclusionProbabilityScalesWithTheHorizonAndIsCapped() throws {
        let half = LabelOptions(dataEnd: F.date("2024-12-31"), horizonMonths: 6, annualStratumRates: Self.standardRates)
        #expect(half.inclusionProbability(drawId: "D2023-09-D", enterpriseId: F.firmId) == 0.15)
        let long = LabelOptions(dataEnd: F.date("2030-12-31"), horizonMonths: 48, annualStratumRates: Self.standardRates)
        #expect(long.inclusionProbability(drawId: "D2023-09-D", enterpriseId: F.firmId) == 1)   // 0.30 × 4 capped
        #expect(long.inclusionProbability(drawId: "D2023-09-A", enterpriseId: F.firmId) == 0.12)
        // A recorded membership beats the id; another firm in the same draw uses the id.
        let recorded = LabelOptions(dataEnd: F.date("2024-12-31"), inclusionProbabilities: [DrawMembership(drawId: "D2023-09-D", enterpriseId: F.firmId): 0.2],
                                    annualStratumRates: Self.standardRates)
        #expect(recorded.inclusionProbability(drawId: "D2023-09-D", enterpriseId: F.firmId) == 0.2)
        #expect(recorded.inclusionProbability(drawId: "D2023-09-D", enterpriseId: CreditCode(unchecked: "91350100M000200Y43")) == 0.30)
    }

    @Test func earliestRandomDrawInTheWindowSetsPi() throws {
        // Drawn in D in September and in A in December: the earliest draw (D, 0.30) is the arm's π.
        let options = LabelOptions(dataEnd: F.date("2024-12-31"), annualStratumRates: Self.standardRates)
        let label = try #require(try Self.label([F.inspection("2023-12-05", origin: .randomDraw, drawId: "D2023-12-A"),
                                                 F.inspection("2023-09-20", origin: .randomDraw, drawId: "D2023-09-D"),
                                                 F.inspection("2023-08-01", origin: .routine)], options: options))
        #expect(label.inclusionProbability == 0.30)
        // A random draw on t itself is before the window: only the routine look labels the firm.
        let outside = try #require(try Self.label([F.inspection("2023-06-30", origin: .randomDraw, drawId: "D2023-06-D"),
                                                   F.inspection("2023-08-01", origin: .routine)], options: options))
        #expect(!outside.isRandomDraw)
        #expect(outside.inclusionProbability == nil)
    }

    @Test func asOfMustLeaveTheLabelWindowInsideTheData() throws {
        let error = #expect(throws: FeaturesError.self) {
            _ = try FeatureBuilder(asOf: F.date("2024-01-01"), label: LabelOptions(dataEnd: F.date("2024-12-31")))
        }
        #expect(error?.description == "`as_of` must be on or before data end 2024-12-31 minus 12 months (2023-12-31) so that the label window is observed; got 2024-01-01")
        _ = try FeatureBuilder(asOf: F.date("2023-12-31"), label: LabelOptions(dataEnd: F.date("2024-12-31")))
    }
}
