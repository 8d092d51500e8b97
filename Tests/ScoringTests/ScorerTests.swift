import Foundation
import Statistics
import Testing
import Domain
import Features
@testable import Scoring

@Suite struct ScorerTests {
    typealias S = ScoringFixtures

    @Test func probabilityIsTheLogisticOfTheLinearPredictor() throws {
        let model = try S.model(intercept: -4, beta: [.penCount36m: 0.5, .sampFailRateShrunk: 2], aliased: [.entityTypeOther])
        let scored = try Scorer(model: model).score(row: S.row([.penCount36m: 2, .sampFailRateShrunk: 0.25, .entityTypeOther: 1]),
                                                    enterpriseId: S.firm)
        // η = −4 + 0.5·2 + 2·0.25 = −2.5 (the aliased column counts 0)
        #expect(scored.linearPredictor == -2.5)
        #expect(abs(scored.probability - 1 / (1 + exp(2.5))) < 1e-15) // one exp, two roundings
        #expect(scored.modelTier == .c)                                // p ≈ 0.0759
    }

    @Test func scorecardPointsUsePDO20At50To1() {
        let scaling = ScorecardScaling.standard
        // odds 50:1 (p = 1/51, η = −log 50) → 600; doubling the odds of good → 620; halving → 580.
        #expect(abs(scaling.points(linearPredictor: -log(50)) - 600) < 1e-12)
        #expect(abs(scaling.points(linearPredictor: -log(100)) - 620) < 1e-12)
        #expect(abs(scaling.points(linearPredictor: -log(25)) - 580) < 1e-12)
    }

    @Test func logisticIsStableAtTheExtremes() {
        #expect(Scorer.logistic(800) == 1)
        #expect(Scorer.logistic(-800) == 0)
        #expect(Scorer.logistic(0) == 0.5)
    }

    @Test func reasonsAreTheLargestPositiveContributionsAgainstTrainingMeans() throws {
        let model = try S.model(beta: [.penCount36m: 0.5, .sampFail36m: 0.4, .sampFailRateShrunk: 2, .complaintsLog12m: 1,
                                       .ageLogYears: -0.3, .domainDrug: 0.2, .inspSerious36m: 0.1],
                                means: [.penCount36m: 0.2, .sampFail36m: 0.1, .sampFailRateShrunk: 0.07, .complaintsLog12m: 0.1, .ageLogYears: 2])
        let scorer = try Scorer(model: model)
        let scored = scorer.score(row: S.row([.penCount36m: 1, .sampFail36m: 1, .sampFailRateShrunk: 0.2, .complaintsLog12m: 0.1,
                                              .ageLogYears: 0.5, .domainDrug: 1, .inspSerious36m: 1]), enterpriseId: S.firm)
        // Contributions: PEN_36M 0.5·0.8 = 0.40; SAMP_FAIL 0.4·0.9 + 2·0.13 = 0.62; COMPLAINTS 0;
        // ENTITY_AGE −0.3·(−1.5) = 0.45; DOMAIN 0.2; INSP_SERIOUS 0.1 → top four.
        #expect(scored.reasons == [.samplingFails, .entityAge, .penalties36m, .domain])
        // Nothing above the mean: no reasons.
        let average = scorer.score(row: S.row([.penCount36m: 0.2, .sampFail36m: 0.1, .sampFailRateShrunk: 0.07, .complaintsLog12m: 0.1, .ageLogYears: 2]),
                                   enterpriseId: S.firm)
        #expect(average.reasons.isEmpty)
    }

    /// The one-pass top-4 selection against the plain definition (sort by contribution
    /// descending, ties by declaration order, positives only, first 4) on random vectors with
    /// many ties, zeros and negatives.
    @Test func reasonSelectionMatchesSortingByContribution() {
        var generator = SplitMix64(seed: 20261125)
        let levels: [Double] = [-1, 0, 0.25, 0.25, 0.5, 1, 1, 2]
        for _ in 0..<2_000 {
            let contributions = (0..<ReasonCode.allCases.count).map { _ in levels[Int(generator.next() % UInt64(levels.count))] }
            let expected = contributions.indices.filter { contributions[$0] > 0 }
                .sorted { contributions[$0] != contributions[$1] ? contributions[$0] > contributions[$1] : $0 < $1 }
                .prefix(Scorer.maximumReasons).map { ReasonCode.allCases[$0] }
            #expect(Array(Scorer.reasons(contributions: contributions)) == expected)
        }
    }

    @Test func everyFeatureHasAReasonCode() {
        let used = Set(FeatureName.allCases.map(\.reasonCode))
        #expect(used == Set(ReasonCode.allCases))
        for code in ReasonCode.allCases {
            #expect(!code.chineseText.isEmpty && !code.englishText.isEmpty)
        }
    }

    @Test func scoringRefusesFeaturesBuiltWithOtherPriors() throws {
        let scorer = try Scorer(model: S.model())
        var builder = try FeatureBuilder(asOf: S.asOf)
        try builder.add(enterprise: Enterprise(id: S.firm, name: "甲", domains: [.food], district: "350100", registeredOn: S.date("2010-01-01"),
                                               status: .active, statusChangedOn: nil, bureauId: "FZ"), events: [])
        #expect(throws: ScoringError.self) { try scorer.score(builder.featureSet(priors: builder.estimatedPriors)) }
        let scores = try scorer.score(builder.featureSet(priors: S.priors))
        #expect(scores.count == 1)
        #expect(abs(scores[0].probability - Scorer.logistic(-4)) < 1e-15) // all β = 0 but the intercept
    }
}
