import Statistics
import Domain
import Features
@testable import Scoring

enum ScoringFixtures {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    static let firm = CreditCode(unchecked: "91350100M000100Y43")
    static let asOf = date("2024-06-30")

    static let priors = FeaturePriors(samplingTests: [100, 50, 0, 0, 0, 0], samplingFails: [7, 1, 0, 0, 0, 0],
                                      inspections: [40, 10, 0, 0, 0, 0], findings: [30, 3, 0, 0, 0, 0])

    /// A model with the given feature coefficients (others 0), all training means 0 unless given.
    static func model(intercept: Double = -4, beta: [FeatureName: Double] = [:], means: [FeatureName: Double] = [:],
                      aliased: Set<FeatureName> = [], id: String = "test-2024-06") throws -> Model {
        let names = FeatureName.orderedNames
        var coefficients = [ModelCoefficient(name: Model.interceptName, estimate: intercept, standardError: 0.25)]
        for feature in FeatureName.allCases {
            coefficients.append(aliased.contains(feature)
                ? ModelCoefficient(name: feature.rawValue, estimate: nil, standardError: nil)
                : ModelCoefficient(name: feature.rawValue, estimate: beta[feature] ?? 0, standardError: 0.1 + Double(feature.index) / 100))
        }
        let estimated = coefficients.filter { $0.estimate != nil }.map(\.name)
        let covariance = CovarianceMatrix(names: estimated, values: estimated.indices.map { i in
            estimated.indices.map { j in i == j ? 0.01 * Double(i + 1) : (i + j) % 3 == 0 ? -0.0012345678901234567 : 1e-7 / Double(i + j + 1) }
        })
        return try Model(modelId: id, spec: .features(FeatureSpec(names: names, options: FeatureOptions(), priors: priors)),
                         coefficients: coefficients, covariance: covariance,
                         trainingMeans: Dictionary(uniqueKeysWithValues: FeatureName.allCases.map { ($0.rawValue, means[$0] ?? 0) }),
                         trainingDataSHA256: String(repeating: "ab", count: 32), rowCount: 12_345,
                         fitOptions: ModelFitOptions(asOf: date("2023-06-30")), packageVersion: "0.1.0")
    }

    static func row(_ values: [FeatureName: Double]) -> [Double] {
        FeatureName.allCases.map { values[$0] ?? 0 }
    }

    static func score(_ p: Double, tier: Tier? = nil, reasons: [ReasonCode] = [], id: CreditCode = firm) -> ScoredEnterprise {
        ScoredEnterprise(enterpriseId: id, linearPredictor: 0, probability: p, points: 600,
                         modelTier: tier ?? CutPoints.standard.tier(for: p), reasons: CodeList(reasons))
    }

    static let quiet = OverrideFacts(onSeriousList: false, onAbnormalList: false, heavyPenaltyLast12Months: false, ageDays: 4000, historyEventCount: 3)
}
