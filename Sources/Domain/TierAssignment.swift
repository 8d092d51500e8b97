/// The published tier of one enterprise in one monthly run, with what led to it: the model's
/// score, the overrides that held (in order), the stability rule, and up to 4 reasons.
public struct TierAssignment: Hashable, Sendable, Codable {
    public let enterpriseId: CreditCode
    public let asOf: CivilDate
    /// Nil for an inactive enterprise (not scored).
    public let score: ScoredEnterprise?
    /// Overrides whose condition held, in the order of DOMAIN.md §2.3.
    public let overrides: [OverrideCode]
    /// The manual override in force, kept for the audit trail.
    public var manualOverride: ManualOverride? { manualOverrides.first }
    // At most one element. An array (empty: no allocation) rather than an inline optional,
    // which made every assignment ~100 bytes larger: a run holds one per firm (10⁶ at the
    // province benchmark size).
    private let manualOverrides: [ManualOverride]
    /// Tier after overrides, before the stability rule; nil when inactive.
    public let proposedTier: Tier?
    /// Published tier; nil when inactive (not tiered, never drawable).
    public let tier: Tier?
    /// Published tier of the previous run, if any.
    public let previousTier: Tier?
    /// Set while a better proposed tier waits for more consecutive runs.
    public let pendingImprovement: PendingImprovement?
    /// Override codes first, then model reasons; at most 4.
    public let reasons: [AssignmentReason]

    public init(enterpriseId: CreditCode, asOf: CivilDate, score: ScoredEnterprise?, overrides: [OverrideCode],
                manualOverride: ManualOverride?, proposedTier: Tier?, tier: Tier?, previousTier: Tier?,
                pendingImprovement: PendingImprovement?, reasons: [AssignmentReason]) {
        self.enterpriseId = enterpriseId
        self.asOf = asOf
        self.score = score
        self.overrides = overrides
        self.manualOverrides = manualOverride.map { [$0] } ?? []
        self.proposedTier = proposedTier
        self.tier = tier
        self.previousTier = previousTier
        self.pendingImprovement = pendingImprovement
        self.reasons = reasons
    }

    /// Whether the published tier differs from the previous run's (a row of transitions.csv).
    public var isTransition: Bool { tier != previousTier }

    enum CodingKeys: String, CodingKey {
        case enterpriseId = "enterprise_id", asOf = "as_of", score, overrides, manualOverride = "manual_override"
        case proposedTier = "proposed_tier", tier, previousTier = "previous_tier", pendingImprovement = "pending_improvement", reasons
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(enterpriseId: try c.decode(CreditCode.self, forKey: .enterpriseId), asOf: try c.decode(CivilDate.self, forKey: .asOf),
                  score: try c.decodeIfPresent(ScoredEnterprise.self, forKey: .score), overrides: try c.decode([OverrideCode].self, forKey: .overrides),
                  manualOverride: try c.decodeIfPresent(ManualOverride.self, forKey: .manualOverride),
                  proposedTier: try c.decodeIfPresent(Tier.self, forKey: .proposedTier), tier: try c.decodeIfPresent(Tier.self, forKey: .tier),
                  previousTier: try c.decodeIfPresent(Tier.self, forKey: .previousTier),
                  pendingImprovement: try c.decodeIfPresent(PendingImprovement.self, forKey: .pendingImprovement),
                  reasons: try c.decode([AssignmentReason].self, forKey: .reasons))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(enterpriseId, forKey: .enterpriseId)
        try c.encode(asOf, forKey: .asOf)
        try c.encodeIfPresent(score, forKey: .score)
        try c.encode(overrides, forKey: .overrides)
        try c.encodeIfPresent(manualOverride, forKey: .manualOverride)
        try c.encodeIfPresent(proposedTier, forKey: .proposedTier)
        try c.encodeIfPresent(tier, forKey: .tier)
        try c.encodeIfPresent(previousTier, forKey: .previousTier)
        try c.encodeIfPresent(pendingImprovement, forKey: .pendingImprovement)
        try c.encode(reasons, forKey: .reasons)
    }
}
