import Statistics
import Testing
import Domain
import Features
@testable import Scoring

@Suite struct TierAssignerTests {
    typealias S = ScoringFixtures
    let assigner = TierAssigner(policy: .standard)

    func facts(serious: Bool = false, abnormal: Bool = false, heavy: Bool = false, ageDays: Int = 4000, events: Int = 3) -> OverrideFacts {
        OverrideFacts(onSeriousList: serious, onAbnormalList: abnormal, heavyPenaltyLast12Months: heavy, ageDays: ageDays, historyEventCount: events)
    }

    @Test func noOverrideKeepsTheModelTier() {
        let a = assigner.assign(score: S.score(0.01), facts: S.quiet, asOf: S.asOf, previous: nil)
        #expect(a.tier == .a)
        #expect(a.overrides.isEmpty)
    }

    @Test func seriousListFixesD() {
        let a = assigner.assign(score: S.score(0.001), facts: facts(serious: true, abnormal: true), asOf: S.asOf, previous: nil)
        #expect(a.tier == .d)
        #expect(a.overrides == [.seriousListD, .abnormalMinC])
    }

    @Test func abnormalListRaisesToAtLeastC() {
        #expect(assigner.assign(score: S.score(0.001), facts: facts(abnormal: true), asOf: S.asOf, previous: nil).tier == .c)
        let high = assigner.assign(score: S.score(0.5), facts: facts(abnormal: true), asOf: S.asOf, previous: nil)
        #expect(high.tier == .d)                       // "at least": never lowers
        #expect(high.overrides == [.abnormalMinC])     // recorded as a fact even without effect
    }

    @Test func heavyPenaltyRaisesToAtLeastC() {
        let a = assigner.assign(score: S.score(0.03), facts: facts(heavy: true), asOf: S.asOf, previous: nil)
        #expect(a.tier == .c)
        #expect(a.overrides == [.heavyPenaltyMinC])
    }

    @Test func newFirmWithoutHistoryIsB() {
        #expect(assigner.assign(score: S.score(0.001), facts: facts(ageDays: 364, events: 0), asOf: S.asOf, previous: nil).tier == .b)
        #expect(assigner.assign(score: S.score(0.3), facts: facts(ageDays: 364, events: 0), asOf: S.asOf, previous: nil).tier == .b)
        #expect(assigner.assign(score: S.score(0.001), facts: facts(ageDays: 365, events: 0), asOf: S.asOf, previous: nil).tier == .a)
        #expect(assigner.assign(score: S.score(0.001), facts: facts(ageDays: 10, events: 1), asOf: S.asOf, previous: nil).tier == .a)
    }

    @Test func manualOverrideMayLowerAndIsAudited() throws {
        let manual = try ManualOverride(enterpriseId: S.firm, tier: .b, reason: "复核后认定整改到位", approver: "张科长",
                                        startsOn: S.date("2024-06-01"), expiresOn: S.date("2024-06-30"))
        let a = assigner.assign(score: S.score(0.001), facts: facts(serious: true), asOf: S.asOf, manualOverrides: [manual],
                                previous: nil)
        #expect(a.tier == .b)
        #expect(a.overrides == [.seriousListD, .manual])
        #expect(a.manualOverride == manual)
        // Expired the day before: not applied.
        let later = assigner.assign(score: S.score(0.001), facts: facts(serious: true), asOf: S.date("2024-07-01"),
                                    manualOverrides: [manual], previous: nil)
        #expect(later.tier == .d)
        #expect(later.manualOverride == nil)
    }

    @Test func inactiveIsNotTiered() {
        let a = assigner.assignInactive(enterpriseId: S.firm, asOf: S.asOf, previous: nil)
        #expect(a.tier == nil)
        #expect(a.reasons == [.override(.inactive)])
    }

    @Test func tieAtACutPointGoesToTheHigherTier() {
        #expect(CutPoints.standard.tier(for: 0.05) == .c)
        #expect(CutPoints.standard.tier(for: 0.05.nextDown) == .b)
        #expect(CutPoints.standard.tier(for: 0.02) == .b)
        #expect(CutPoints.standard.tier(for: 0.15) == .d)
        #expect(CutPoints.standard.tier(for: 0) == .a)
        #expect(CutPoints.standard.tier(for: 1) == .d)
    }

    @Test(arguments: [UInt64(1), 2, 20_241_125])
    func tiersAreMonotoneInTheScore(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        // Probabilities spread over the cut points, including values exactly on them.
        var ps = (0..<2000).map { _ in Double.random(in: 0..<0.3, using: &generator) }
        ps += [0.02, 0.05, 0.15]
        ps.sort()
        let tiers = ps.map { assigner.assign(score: S.score($0), facts: S.quiet, asOf: S.asOf, previous: nil).tier! }
        for i in 1..<tiers.count where tiers[i] < tiers[i - 1] {
            Issue.record("seed \(seed): p \(ps[i]) got \(tiers[i]) below p \(ps[i - 1]) with \(tiers[i - 1])")
        }
    }

    @Test func betterTierNeedsTwoConsecutiveRunsWorseAppliesAtOnce() {
        let run1 = assigner.assign(score: S.score(0.2), facts: S.quiet, asOf: S.date("2024-04-30"), previous: nil)
        #expect(run1.tier == .d)
        let run2 = assigner.assign(score: S.score(0.01), facts: S.quiet, asOf: S.date("2024-05-31"), previous: run1)
        #expect(run2.proposedTier == .a)
        #expect(run2.tier == .d)
        #expect(run2.pendingImprovement == PendingImprovement(runs: 1, tier: .a))
        #expect(!run2.isTransition)
        // Second consecutive better proposal: the worst tier of the streak applies (B, not A).
        let run3 = assigner.assign(score: S.score(0.03), facts: S.quiet, asOf: S.date("2024-06-30"), previous: run2)
        #expect(run3.tier == .b)
        #expect(run3.previousTier == .d)
        #expect(run3.pendingImprovement == nil)
        #expect(run3.isTransition)
        // Worse at once.
        let run4 = assigner.assign(score: S.score(0.2), facts: S.quiet, asOf: S.date("2024-07-31"), previous: run3)
        #expect(run4.tier == .d)
        // A streak broken by a non-better run starts again.
        let run5 = assigner.assign(score: S.score(0.01), facts: S.quiet, asOf: S.date("2024-08-31"), previous: run4)
        let run6 = assigner.assign(score: S.score(0.2), facts: S.quiet, asOf: S.date("2024-09-30"), previous: run5)
        let run7 = assigner.assign(score: S.score(0.01), facts: S.quiet, asOf: S.date("2024-10-31"), previous: run6)
        #expect([run5.tier, run6.tier, run7.tier] == [.d, .d, .d])
        #expect(run7.pendingImprovement == PendingImprovement(runs: 1, tier: .a))
    }

    @Test func reasonsPutOverridesFirstAndStopAtFour() {
        let score = S.score(0.3, reasons: [.samplingFails, .penalties36m, .complaints, .domain])
        let a = assigner.assign(score: score, facts: facts(abnormal: true, heavy: true), asOf: S.asOf, previous: nil)
        #expect(a.reasons == [.override(.abnormalMinC), .override(.heavyPenaltyMinC), .model(.samplingFails), .model(.penalties36m)])
        #expect(a.reasons.map(\.code) == ["O_ABNORMAL_MIN_C", "O_HEAVY_PENALTY_MIN_C", "R_SAMP_FAIL", "R_PEN_36M"])
    }
}
