/// One fitted coefficient by name; `estimate` and `standardError` are absent for an aliased
/// (NA) column, which then contributes 0 to the linear predictor.
public struct ModelCoefficient: Hashable, Sendable, Codable {
    public let name: String
    public let estimate: Double?
    public let standardError: Double?

    public init(name: String, estimate: Double?, standardError: Double?) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
    }

    enum CodingKeys: String, CodingKey { case name, estimate, standardError = "standard_error" }
}
