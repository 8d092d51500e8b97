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

    @Test func asOfMustLeaveTheLabelWindowInsideTheData() throws {
        let error = #expect(throws: FeaturesError.self) {
            _ = try FeatureBuilder(asOf: F.date("2024-01-01"), label: LabelOptions(dataEnd: F.date("2024-12-31")))
        }
        #expect(error?.description == "`as_of` must be on or before data end 2024-12-31 minus 12 months (2023-12-31) so that the label window is observed; got 2024-01-01")
        _ = try FeatureBuilder(asOf: F.date("2023-12-31"), label: LabelOptions(dataEnd: F.date("2024-12-31")))
    }
}
