import Domain

/// A stored tier assignment: what the next run's stability rule and the draw freeze read back.
public struct StoredAssignment: Hashable, Sendable {
    public let enterpriseId: CreditCode
    public let modelTier: Tier?
    /// The published tier; nil for inactive enterprises (O_INACTIVE).
    public let tier: Tier?
    public let pendingImprovement: PendingImprovement?
    /// Tiered and active on the run's as-of date (licence rules are applied per draw domain).
    public let drawable: Bool
    public let overrides: CodeList<OverrideCode>
    /// The model's probability and scorecard points; nil for inactive enterprises (not scored).
    public let probability: Double?
    public let points: Int?

    public init(enterpriseId: CreditCode, modelTier: Tier?, tier: Tier?, pendingImprovement: PendingImprovement?, drawable: Bool,
                overrides: CodeList<OverrideCode>, probability: Double? = nil, points: Int? = nil) {
        self.enterpriseId = enterpriseId
        self.modelTier = modelTier
        self.tier = tier
        self.pendingImprovement = pendingImprovement
        self.drawable = drawable
        self.overrides = overrides
        self.probability = probability
        self.points = points
    }
}
