/// One design column of a formula model: its R term name (`(Intercept)`, `x1`, `purposecar`),
/// the data column it comes from (nil for the intercept) and, for a factor indicator, the level
/// it is 1 for.
public struct FormulaColumn: Hashable, Sendable, Codable {
    public let term: String
    public let variable: String?
    public let level: String?

    public init(term: String, variable: String?, level: String?) {
        self.term = term
        self.variable = variable
        self.level = level
    }
}
