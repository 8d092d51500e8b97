import Domain
import Features

/// Turns scores into published tiers (DOMAIN.md §2.3): overrides in order, then the
/// stability rule against the previous run, and the reason list (override codes first).
public struct TierAssigner: Sendable {
    public let policy: TierPolicy

    public init(policy: TierPolicy) {
        self.policy = policy
    }

    /// Registered less than this many days before the as-of date counts as new.
    public static let newEntityDays = 365

    /// The assignment of an active, scored enterprise.
    /// - Parameters:
    ///   - manualOverrides: this enterprise's analyst overrides; the one in force with the
    ///     latest start applies (ties: the later expiry).
    ///   - previous: its assignment in the previous run (nil for the first run).
    public func assign(score: ScoredEnterprise, facts: OverrideFacts, asOf: CivilDate, manualOverrides: [ManualOverride] = [],
                       previous: TierAssignment?) -> TierAssignment {
        var tier = score.modelTier
        var fixed = false
        var applied = CodeList<OverrideCode>()
        if facts.onSeriousList {
            applied.append(.seriousListD)
            tier = .d
            fixed = true
        }
        if facts.onAbnormalList {
            applied.append(.abnormalMinC)
            if !fixed { tier = max(tier, .c) }
        }
        if facts.heavyPenaltyLast12Months {
            applied.append(.heavyPenaltyMinC)
            if !fixed { tier = max(tier, .c) }
        }
        if facts.ageDays < TierAssigner.newEntityDays, facts.historyEventCount == 0 {
            applied.append(.newNoHistoryB)
            if !fixed { tier = .b }
        }
        let manual = manualOverrides.isEmpty ? nil : manualOverrides.filter { $0.enterpriseId == score.enterpriseId && $0.isInForce(on: asOf) }
            .max { ($0.startsOn, $0.expiresOn) < ($1.startsOn, $1.expiresOn) }
        if let manual {
            applied.append(.manual)
            tier = manual.tier
        }
        let (published, pending) = stabilised(proposed: tier, previous: previous, immediate: manual != nil)
        // Override codes first, then model reasons, at most 4 (an inline list).
        var reasons = CodeList<AssignmentReason>()
        for code in applied where reasons.count < Scorer.maximumReasons { reasons.append(.override(code)) }
        for code in score.reasons where reasons.count < Scorer.maximumReasons { reasons.append(.model(code)) }
        return TierAssignment(enterpriseId: score.enterpriseId, asOf: asOf, score: score, overrides: applied, manualOverride: manual,
                              proposedTier: tier, tier: published, previousTier: previous?.tier, pendingImprovement: pending,
                              reasons: reasons)
    }

    /// An enterprise revoked, cancelled, annulled or moved out: not tiered (`O_INACTIVE`).
    public func assignInactive(enterpriseId: CreditCode, asOf: CivilDate, previous: TierAssignment?) -> TierAssignment {
        TierAssignment(enterpriseId: enterpriseId, asOf: asOf, score: nil, overrides: [.inactive], manualOverride: nil,
                       proposedTier: nil, tier: nil, previousTier: previous?.tier, pendingImprovement: nil, reasons: [.override(.inactive)])
    }

    /// Stability: a worse (or equal) tier applies at once; a better one only after
    /// `improveAfterRuns` consecutive runs proposed better than the published tier, and then
    /// the worst tier proposed in that streak. A manual override applies at once.
    func stabilised(proposed: Tier, previous: TierAssignment?, immediate: Bool) -> (Tier, PendingImprovement?) {
        guard let published = previous?.tier, !immediate, proposed < published else { return (proposed, nil) }
        let streak = previous?.pendingImprovement
        let runs = (streak?.runs ?? 0) + 1
        let worst = max(streak?.tier ?? proposed, proposed)
        if runs >= policy.improveAfterRuns { return (worst, nil) }
        return (published, PendingImprovement(runs: runs, tier: worst))
    }

    /// All assignments of a run: active enterprises in feature order, then inactive ones.
    public func assign(_ set: FeatureSet, scores: [ScoredEnterprise], manualOverrides: [CreditCode: [ManualOverride]] = [:],
                       previous: (CreditCode) -> TierAssignment?) -> [TierAssignment] {
        precondition(scores.count == set.overrideFacts.count, "one score per feature row")
        var result: [TierAssignment] = []
        result.reserveCapacity(scores.count + set.inactiveEnterpriseIds.count)
        for (score, facts) in zip(scores, set.overrideFacts) {
            result.append(assign(score: score, facts: facts, asOf: set.asOf, manualOverrides: manualOverrides[score.enterpriseId] ?? [],
                                 previous: previous(score.enterpriseId)))
        }
        for id in set.inactiveEnterpriseIds {
            result.append(assignInactive(enterpriseId: id, asOf: set.asOf, previous: previous(id)))
        }
        return result
    }
}
