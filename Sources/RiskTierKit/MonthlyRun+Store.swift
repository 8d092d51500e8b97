import Crypto
import Domain
import Foundation
import Store

/// The monthly run's history in the store: the previous run for the stability rule, manual
/// overrides, the input digest, and recording a run.
extension MonthlyRun {
    /// A store with no enterprises was created but never imported.
    static func checkImported(_ store: Store, path: String) throws(MonthlyRunError) {
        let imported: Bool
        do { imported = try store.hasEnterprises() } catch { throw .store(error.description) }
        guard imported else { throw .notImported(path: path) }
    }

    /// Scoring needs events up to the as-of month: the as-of date may not be after the last day
    /// of the month of the newest event (an export covers whole months; its last events need
    /// not fall on the month's last day).
    static func checkAsOf(_ asOf: CivilDate, latestEvent: CivilDate?) throws(MonthlyRunError) {
        guard dataCovers(asOf, latestEvent: latestEvent) else { throw .asOfAfterData(asOf: asOf, latestEvent: latestEvent) }
    }

    /// `checkAsOf`'s test (a later newest event never fails where an earlier one passes).
    static func dataCovers(_ asOf: CivilDate, latestEvent: CivilDate?) -> Bool {
        guard let latestEvent else { return false }
        let monthEnd = CivilDate(year: latestEvent.year, month: latestEvent.month, day: 1)!.adding(months: 1).adding(days: -1)
        return asOf <= monthEnd
    }

    /// The published tiers and pending improvements of the newest stored run before `asOf`.
    static func previousAssignments(_ store: Store, before asOf: CivilDate) throws(MonthlyRunError) -> [CreditCode: TierAssignment] {
        do {
            guard let run = try store.latestRun(before: asOf) else { return [:] }
            var result: [CreditCode: TierAssignment] = [:]
            for stored in try store.assignments(ofRun: run.runId) {
                result[stored.enterpriseId] = TierAssignment(enterpriseId: stored.enterpriseId, asOf: run.asOf, score: nil, overrides: stored.overrides,
                                                             manualOverride: nil, proposedTier: stored.tier, tier: stored.tier, previousTier: nil,
                                                             pendingImprovement: stored.pendingImprovement, reasons: [])
            }
            return result
        } catch {
            throw .store(error.description)
        }
    }

    static func manualOverrides(_ store: Store) throws(MonthlyRunError) -> [CreditCode: [ManualOverride]] {
        do {
            return Dictionary(grouping: try store.manualOverrides(), by: \.enterpriseId)
        } catch {
            throw .store(error.description)
        }
    }

    /// The run's row in `model_runs`.
    static func storedRun(_ result: MonthlyScoreResult, asOf: CivilDate) -> StoredRun {
        let (counts, transitions) = result.tally
        return StoredRun(runId: "run-\(asOf)", modelId: result.model.modelId, asOf: asOf, inputSHA256: result.inputSHA256,
                         packageVersion: RiskTierVersion.current, modelSHA256: sha256(result.model.jsonData()),
                         tierCounts: ["A", "B", "C", "D", "inactive"].map { "\($0)=\(counts[$0]!)" }.joined(separator: ";"),
                         transitions: transitions)
    }

    /// Records the run in the store: the run, per enterprise its score and tier assignment
    /// (the transitions are a view of them). Re-recording the same as-of date replaces that
    /// month's run (idempotent). `beforeCommit`: see `Store.recordRun`.
    public static func record(_ result: MonthlyScoreResult, asOf: CivilDate, storePath: String,
                              beforeCommit: () -> Bool = { true }) throws(MonthlyRunError) {
        var chunk: [TierAssignment]? = result.assignments
        try record(asOf: asOf, storePath: storePath, chunks: { defer { chunk = nil }; return chunk }, run: { storedRun(result, asOf: asOf) },
                   beforeCommit: beforeCommit)
    }

    /// `record` with the assignments arriving in chunks as they are computed (see
    /// `Store.recordRun(asOf:chunks:run:drawable:beforeCommit:)`).
    static func record(asOf: CivilDate, storePath: String, chunks: () -> [TierAssignment]?, run: () -> StoredRun?,
                       beforeCommit: () -> Bool) throws(MonthlyRunError) {
        let store = try openStore(storePath)
        do {
            try store.recordRun(asOf: asOf, chunks: chunks, run: run, drawable: { $0.tier != nil }, beforeCommit: beforeCommit)
        } catch {
            throw .store(error.description)
        }
    }

    /// `risktier override add`: validates and stores an O_MANUAL override; returns its id.
    public static func addOverride(storePath: String, enterprise: String, tier: Tier, reason: String, approver: String,
                                   from: CivilDate, until: CivilDate) throws(MonthlyRunError) -> String {
        let store = try openStore(storePath)
        let code: CreditCode
        switch CreditCode.validate(Substring(enterprise)) {
        case let .success(validated): code = validated.code
        case let .failure(error): throw .usage("`--enterprise` must be \(error)")
        }
        do {
            let value = try ManualOverride(enterpriseId: code, tier: tier, reason: reason, approver: approver, startsOn: from, expiresOn: until)
            return try store.addManualOverride(value)
        } catch let error as DomainError {
            throw .usage(error.description)
        } catch {
            throw .store("\(error)")
        }
    }
}
