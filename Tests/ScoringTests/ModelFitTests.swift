import Foundation
import Testing
import Domain
import Features
import Statistics
@testable import Scoring

/// From a seeded feature set through the engine's fit to a `Model` and back through `Scorer`.
@Suite struct ModelFitTests {
    typealias S = ScoringFixtures

    /// 400 food firms (ids by index); seeded penalties and sampling before t, one inspection
    /// after t whose severity is serious more often for penalised firms.
    static func featureSet(seed: UInt64) throws -> FeatureSet {
        var generator = SplitMix64(seed: seed)
        let asOf = S.date("2023-06-30")
        var builder = try FeatureBuilder(asOf: asOf, label: LabelOptions(dataEnd: S.date("2024-06-30")))
        for i in 0..<400 {
            let id = CreditCode(unchecked: "9135010000000" + String(10_000 + i))
            let firm = try Enterprise(id: id, name: "企业\(i)", domains: [.food], district: "350100",
                                      registeredOn: S.date("2015-01-01").adding(days: Int.random(in: 0..<2500, using: &generator)),
                                      status: .active, statusChangedOn: nil, bureauId: "FZ")
            func header(_ tag: String) throws -> EventHeader { try EventHeader(eventId: "\(i)-\(tag)", enterpriseId: id, domain: .food, recordedOn: nil) }
            var events: [Event] = []
            let penalties = Int.random(in: 0...3, using: &generator)
            for k in 0..<penalties {
                events.append(.penalty(try Penalty(header: header("p\(k)"), decidedOn: asOf.adding(days: -Int.random(in: 1..<1000, using: &generator)),
                                                   decisionNo: "罚\(i)-\(k)", procedure: .ordinary, kinds: [.fine], fineFen: 100_000 * (k + 1),
                                                   confiscatedFen: 0, heavy: false, publicityEndedOn: nil)))
            }
            for k in 0..<Int.random(in: 0...4, using: &generator) {
                let fail = Double.random(in: 0..<1, using: &generator) < 0.1
                events.append(.samplingTest(try SamplingTest(header: header("s\(k)"), sampledOn: asOf.adding(days: -Int.random(in: 1..<1000, using: &generator)),
                                                             productCategory: "dairy", stage: .production, result: fail ? .fail : .pass,
                                                             failClass: fail ? .quality : nil, isFinal: true)))
            }
            let serious = Double.random(in: 0..<1, using: &generator) < 0.05 + 0.12 * Double(penalties)
            events.append(.inspection(try Inspection(header: header("i"), inspectedOn: asOf.adding(days: 30), origin: .routine, drawId: nil,
                                                     findingsCount: serious ? 1 : 0, maxSeverity: serious ? .serious : .none,
                                                     outcome: serious ? .corrected : .noProblem, inspectorIds: ["I1", "I2"])))
            try builder.add(enterprise: firm, events: events)
        }
        return builder.featureSet(priors: builder.estimatedPriors)
    }

    @Test func scorerReproducesTheFittedProbabilities() throws {
        let set = try Self.featureSet(seed: 7)
        let training = try TrainingData(set)
        let fit = try training.regression.fit()
        #expect(fit.converged)
        // Constant-zero columns (other domains, entity types, …) are aliased, as R's glm does.
        #expect(fit.coefficients.first { $0.term == "domain_drug" }?.aliased == true)
        let spec = FeatureSpec(options: FeatureOptions(), priors: set.priors)
        let model = try Model(modelId: "fit-test", fit: fit, training: training, featureSpec: spec,
                              trainingDataSHA256: String(repeating: "0", count: 64), fitOptions: ModelFitOptions(asOf: set.asOf),
                              packageVersion: "0.1.0")
        #expect(model.rowCount == 400)
        #expect(model.coefficients.map(\.name) == [Model.interceptName] + FeatureName.orderedNames)
        // Decode → encode is the identity on a real fit as well.
        let bytes = model.jsonData()
        #expect(try Model.load(bytes).jsonData() == bytes)
        let scores = try Scorer(model: model).score(set)
        for (i, score) in scores.enumerated() {
            // Same η up to summation order: relative 1e-12 on μ is far above the rounding of a
            // 31-term dot product and far below any modelling difference.
            #expect(abs(score.probability - fit.fittedValues[i]) <= 1e-12 * fit.fittedValues[i], "row \(i)")
        }
        // The penalty signal is recovered: penalised firms score higher on average (single
        // penalty coefficients share the signal with their collinear siblings).
        func meanProbability(_ keep: (Int) -> Bool) -> Double {
            let rows = (0..<scores.count).filter(keep)
            return rows.map { scores[$0].probability }.reduce(0, +) / Double(rows.count)
        }
        #expect(meanProbability { set.matrix[$0, .penCount36m] >= 2 } > 2 * meanProbability { set.matrix[$0, .penCount36m] == 0 })
    }

    @Test func randomArmWeighting() throws {
        let set = try Self.featureSet(seed: 7)
        // No random-draw inspections in this set: the random arm is empty.
        #expect(throws: ScoringError.self) { try TrainingData(set, weighting: .randomDrawHorvitzThompson) }
        let canonical = String(decoding: try TrainingData(set).canonicalCSV(), as: UTF8.self)
        #expect(canonical.hasPrefix("enterprise_id,y,weight,pen_count_12m,"))
        #expect(canonical.split(separator: "\n").count == 401)
    }
}
