import Domain
import Features
import Foundation
import LinearAlgebra
import Statistics

/// The labelled rows of a feature set as a logistic regression: an intercept column then one
/// column per feature (`FeatureName` order), y = label, and the training means x̄ that the
/// reason codes compare against.
public struct TrainingData: Sendable {
    /// How the rows are weighted in the fit.
    public enum Weighting: String, Sendable, Codable {
        /// Every labelled row weight 1 (DOMAIN.md §5.2: "fit on all labels if needed").
        case unweighted
        /// Only the random-draw arm, each row weighted 1/π (Horvitz–Thompson).
        case randomDrawHorvitzThompson = "random_draw_ht"
    }

    public let regression: LogisticRegression
    /// Enterprise of each design row.
    public let enterpriseIds: [CreditCode]
    /// Feature means over the design rows (weighted by the prior weights), by feature.
    public let means: [Double]

    public init(_ set: FeatureSet, weighting: Weighting = .unweighted, control: LogisticRegression.Control = .init()) throws(ScoringError) {
        guard !set.labels.isEmpty else {
            throw .invalidField(file: "training data", field: "labels", requirement: "built with label options (fit needs §5.2 labels)", got: "no labels")
        }
        var rows: [Int] = []
        var response: [Double] = []
        var weights: [Double] = []
        for (r, label) in set.labels.enumerated() {
            guard let label else { continue }
            switch weighting {
            case .unweighted:
                weights.append(1)
            case .randomDrawHorvitzThompson:
                guard let w = label.horvitzThompsonWeight else { continue }
                weights.append(w)
            }
            rows.append(r)
            response.append(label.outcome ? 1 : 0)
        }
        guard !rows.isEmpty else {
            throw .invalidField(file: "training data", field: "labels", requirement: "at least one observed enterprise", got: "none")
        }
        let matrix = set.matrix
        let p = matrix.columnCount
        var elements = [Double](repeating: 1, count: rows.count * (p + 1))
        var means = [Double](repeating: 0, count: p)
        let totalWeight = weights.reduce(0, +)
        for c in 0..<p {
            var sum = 0.0
            for (i, r) in rows.enumerated() {
                let x = matrix[r, c]
                elements[(c + 1) * rows.count + i] = x
                sum += weights[i] * x
            }
            means[c] = sum / totalWeight
        }
        do {
            regression = try LogisticRegression(design: Matrix(rows: rows.count, columns: p + 1, columnMajor: elements),
                                                termNames: [Model.interceptName] + matrix.names, response: response,
                                                priorWeights: weights, interceptColumn: 0, control: control)
        } catch {
            throw .invalidField(file: "training data", field: "design", requirement: "a valid logistic regression", got: "\(error)")
        }
        self.enterpriseIds = rows.map { matrix.enterpriseIds[$0] }
        self.means = means
    }

    /// Canonical bytes of the training data for its SHA-256 in `model.json`: CSV with header
    /// `enterprise_id,y,weight,<features>`, LF, numbers in Swift's shortest round-trip form.
    public func canonicalCSV() -> Data {
        let design = regression.design
        var text = "enterprise_id,y,weight," + regression.termNames.dropFirst().joined(separator: ",") + "\n"
        for i in 0..<design.rows {
            var fields = [enterpriseIds[i].value, "\(regression.response[i])", "\(regression.priorWeights[i])"]
            for c in 1..<design.columns { fields.append("\(design[i, c])") }
            text += fields.joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }
}
