/// The design of an analyst's formula model (`risktier fit --csv … --formula …`): the formula,
/// its response, weights and offset columns, one entry per design column (R's `model.matrix`
/// with treatment contrasts, intercept first) and every factor's training levels. Scoring new
/// rows rebuilds exactly these columns, so a level not seen in training is an error.
public struct FormulaSpec: Hashable, Sendable, Codable {
    public let formula: String
    public let response: String
    public let weights: String?
    public let offset: String?
    public let columns: [FormulaColumn]
    public let factors: [FormulaFactor]

    public init(formula: String, response: String, weights: String?, offset: String?, columns: [FormulaColumn],
                factors: [FormulaFactor], file: String = "model.json") throws(ScoringError) {
        let terms = columns.map(\.term)
        guard Set(terms).count == terms.count, !terms.isEmpty else {
            throw .invalidField(file: file, field: "spec.columns", requirement: "one or more design columns with distinct terms",
                                got: terms.joined(separator: ", "))
        }
        for column in columns {
            guard let level = column.level else { continue }
            guard let variable = column.variable, let factor = factors.first(where: { $0.variable == variable }),
                  factor.levels.contains(level) else {
                throw .invalidField(file: file, field: "spec.columns", requirement: "factor columns whose level is one of spec.factors' levels",
                                    got: "\(column.term) (\(column.variable ?? "no variable") = \(level))")
            }
        }
        for factor in factors {
            guard !factor.levels.isEmpty, Set(factor.levels).count == factor.levels.count,
                  factor.reference == nil || factor.reference == factor.levels.first else {
                throw .invalidField(file: file, field: "spec.factors", requirement: "distinct levels, the reference (if any) first",
                                    got: "\(factor.variable): \(factor.levels.joined(separator: ", "))")
            }
        }
        self.formula = formula
        self.response = response
        self.weights = weights
        self.offset = offset
        self.columns = columns
        self.factors = factors
    }

    /// The training levels of a factor variable (nil for a numeric variable).
    public func levels(of variable: String) -> [String]? {
        factors.first { $0.variable == variable }?.levels
    }

    enum CodingKeys: String, CodingKey { case formula, response, weights, offset, columns, factors }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(formula: c.decode(String.self, forKey: .formula), response: c.decode(String.self, forKey: .response),
                      weights: c.decodeIfPresent(String.self, forKey: .weights), offset: c.decodeIfPresent(String.self, forKey: .offset),
                      columns: c.decode([FormulaColumn].self, forKey: .columns), factors: c.decode([FormulaFactor].self, forKey: .factors))
    }
}
