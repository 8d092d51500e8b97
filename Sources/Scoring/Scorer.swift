import Domain
import Features
import Foundation

/// Applies a `Model` to features: linear predictor, probability, scorecard points, model
/// tier and up to 4 reason codes.
public struct Scorer: Sendable {
    public let model: Model
    /// The model's feature spec (a scorer exists only for feature models).
    public let featureSpec: FeatureSpec
    let intercept: Double
    /// β per feature column; an aliased (NA) coefficient counts as 0.
    let beta: [Double]
    /// Training mean per feature column.
    let means: [Double]
    /// Reason code per feature column, and the codes in order of first appearance.
    let reasonIndex: [Int]
    /// Contributions per firm: one per reason code (a static would be a `swift_once` per firm).
    let reasonCount: Int

    /// Most model reasons reported per enterprise (DOMAIN.md §2.3).
    public static let maximumReasons = 4

    /// Checks that the model is a feature model over this build's `FeatureName` columns.
    public init(model: Model) throws(ScoringError) {
        guard let featureSpec = model.spec.featureSpec else {
            throw .invalidField(file: "model.json", field: "spec.kind", requirement: "features (a store model; score a formula model with --csv)",
                                got: model.spec.kind)
        }
        guard featureSpec.names == FeatureName.orderedNames else {
            throw .invalidField(file: "model.json", field: "spec.names", requirement: "the features of this RiskTier (\(FeatureName.orderedNames.joined(separator: ", ")))",
                                got: featureSpec.names.joined(separator: ", "))
        }
        self.model = model
        self.featureSpec = featureSpec
        self.intercept = model.coefficients[0].estimate ?? 0
        self.beta = model.coefficients.dropFirst().map { $0.estimate ?? 0 }
        self.means = FeatureName.allCases.map { model.trainingMeans[$0.rawValue]! }
        self.reasonIndex = FeatureName.allCases.map { ReasonCode.allCases.firstIndex(of: $0.reasonCode)! }
        self.reasonCount = ReasonCode.allCases.count
    }

    /// logistic(η) without overflow for large |η|.
    public static func logistic(_ eta: Double) -> Double {
        eta >= 0 ? 1 / (1 + exp(-eta)) : exp(eta) / (1 + exp(eta))
    }

    /// Scores one feature row (in `FeatureName` order).
    public func score(row x: [Double], enterpriseId: CreditCode) -> ScoredEnterprise {
        x.withUnsafeBufferPointer { score(row: $0, enterpriseId: enterpriseId) }
    }

    /// Scores one feature row (in `FeatureName` order) held in a buffer.
    public func score(row x: UnsafeBufferPointer<Double>, enterpriseId: CreditCode) -> ScoredEnterprise {
        precondition(x.count == beta.count, "row must have one value per feature")
        // Contributions in a stack buffer, not an array per row (the monthly run scores every firm).
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: reasonCount) { contributions in
            contributions.initialize(repeating: 0)
            var eta = intercept
            for j in 0..<beta.count {
                eta += beta[j] * x[j]
                contributions[reasonIndex[j]] += beta[j] * (x[j] - means[j])
            }
            let probability = Scorer.logistic(eta)
            return ScoredEnterprise(enterpriseId: enterpriseId, linearPredictor: eta, probability: probability,
                                    points: model.scorecard.points(linearPredictor: eta), modelTier: model.cutPoints.tier(for: probability),
                                    reasons: Scorer.reasons(contributions: UnsafeBufferPointer(contributions)))
        }
    }

    /// Reason codes with a positive summed contribution, largest first (ties in `ReasonCode`
    /// declaration order), at most `maximumReasons`.
    static func reasons(contributions: [Double]) -> CodeList<ReasonCode> {
        contributions.withUnsafeBufferPointer { reasons(contributions: $0) }
    }

    /// The same selection without a sort: one pass keeping the best `maximumReasons`, in a
    /// stack buffer, into an inline list. (A growing index array, then a map through
    /// `ReasonCode.allCases` — which builds its array at each use — cost three allocations per
    /// firm, callgrind, 10⁵ firms.)
    static func reasons(contributions: UnsafeBufferPointer<Double>) -> CodeList<ReasonCode> {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: maximumReasons + 1) { best in
            var count = 0
            for index in contributions.indices where contributions[index] > 0 {
                let value = contributions[index]
                // Goes after every kept reason with a contribution ≥ its own (equal values keep
                // declaration order: the earlier index stays first).
                var position = count
                while position > 0, contributions[best[position - 1]] < value { position -= 1 }
                guard position < maximumReasons else { continue }
                var move = count
                while move > position { best[move] = best[move - 1]; move -= 1 }
                best[position] = index
                count = min(count + 1, maximumReasons)
            }
            // (A contribution's index is its code's place in ReasonCode: its compact ordinal.)
            var reasons = CodeList<ReasonCode>()
            for position in 0..<count { reasons.append(ReasonCode(compactOrdinal: best[position])) }
            return reasons
        }
    }


    /// Scores every row of a feature set built with this model's priors and options.
    public func score(_ set: FeatureSet) throws(ScoringError) -> [ScoredEnterprise] {
        guard set.priors == featureSpec.priors else {
            throw .invalidField(file: "model.json", field: "spec.priors", requirement: "the priors the features were built with", got: "different priors")
        }
        let matrix = set.matrix
        return (0..<matrix.rowCount).map { score(row: matrix.row($0), enterpriseId: matrix.enterpriseIds[$0]) }
    }
}
