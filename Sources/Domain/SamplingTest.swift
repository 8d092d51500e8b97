/// A supervisory sampling test of a batch (`sampling_tests.csv`).
public struct SamplingTest: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let sampledOn: CivilDate
    /// Code from the bureau's product catalogue.
    public let productCategory: String
    public let stage: SamplingStage
    public let result: SamplingResult
    /// Present iff `result == .fail`.
    public let failClass: FailClass?
    /// False while a retest or objection is open; non-final fails are ignored by features and labels.
    public let isFinal: Bool

    public init(header: EventHeader, sampledOn: CivilDate, productCategory: String, stage: SamplingStage,
                result: SamplingResult, failClass: FailClass?, isFinal: Bool) throws(DomainError) {
        try Validation.code(productCategory, field: "product_category")
        switch (result, failClass) {
        case (.fail, nil):
            throw DomainError(field: "fail_class", requirement: "one of \(FailClass.allowedTokens) when result is 'fail'", got: "")
        case let (.pass, failClass?):
            throw DomainError(field: "fail_class", requirement: "empty when result is 'pass'", got: failClass.rawValue)
        default: break
        }
        self.header = header
        self.sampledOn = sampledOn
        self.productCategory = productCategory
        self.stage = stage
        self.result = result
        self.failClass = failClass
        self.isFinal = isFinal
    }
}
