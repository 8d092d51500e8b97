/// The published tier of one enterprise in one monthly run, with what led to it: the model's
/// score, the overrides that held (in order), the stability rule, and up to 4 reasons.
public struct TierAssignment: Hashable, Sendable {
    public let enterpriseId: CreditCode
    public let asOf: CivilDate
    /// Nil for an inactive enterprise (not scored).
    public let score: ScoredEnterprise?
    /// Overrides whose condition held, in the order of DOMAIN.md §2.3.
    public let overrides: CodeList<OverrideCode>
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
    public let reasons: CodeList<AssignmentReason>

    public init(enterpriseId: CreditCode, asOf: CivilDate, score: ScoredEnterprise?, overrides: CodeList<OverrideCode>,
                manualOverride: ManualOverride?, proposedTier: Tier?, tier: Tier?, previousTier: Tier?,
                pendingImprovement: PendingImprovement?, reasons: CodeList<AssignmentReason>) {
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
}
