/// A factor variable of a formula model: all levels seen in training, in R's level order (the
/// reference first), and the reference level (nil when every level has its own column, as for
/// the first factor of a model without intercept).
public struct FormulaFactor: Hashable, Sendable, Codable {
    public let variable: String
    public let levels: [String]
    public let reference: String?

    public init(variable: String, levels: [String], reference: String?) {
        self.variable = variable
        self.levels = levels
        self.reference = reference
    }
}
