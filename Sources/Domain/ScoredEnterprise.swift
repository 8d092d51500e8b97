/// A model's score of one enterprise at an as-of date.
public struct ScoredEnterprise: Hashable, Sendable, Codable {
    public let enterpriseId: CreditCode
    /// η = β·x.
    public let linearPredictor: Double
    /// p̂ = logistic(η): probability of a serious finding in the next 12 months.
    public let probability: Double
    /// Scorecard points (higher = lower risk); the scaling is stored with the model.
    public let points: Double
    /// Tier from the model's cut points, before overrides and stability.
    public let modelTier: Tier
    /// Up to 4 model reasons, largest positive contribution first.
    public let reasons: CodeList<ReasonCode>

    public init(enterpriseId: CreditCode, linearPredictor: Double, probability: Double, points: Double, modelTier: Tier, reasons: CodeList<ReasonCode>) {
        self.enterpriseId = enterpriseId
        self.linearPredictor = linearPredictor
        self.probability = probability
        self.points = points
        self.modelTier = modelTier
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey {
        case enterpriseId = "enterprise_id", linearPredictor = "linear_predictor", probability, points
        case modelTier = "model_tier", reasons
    }
}
