import Domain
import Foundation
import Lottery
import Scoring
import Store

/// `draw freeze --store` and `draw record --store`: the frozen inputs built from the store's
/// newest run, inspectors, conflicts and stored draws.
extension DrawWorkflow {
    /// Draws per enterprise per rolling 12 months allowed by tier (DOMAIN.md §2.2 frequency caps).
    static let frequencyCaps: [Tier: Int] = TierPolicy.standardFrequencyCaps

    /// Freezes a draw from the store:
    /// - population: the newest run on or before the task date; enterprises tiered and drawable
    ///   there, active on the task date, holding the task's domain, not blocked by a domain
    ///   licence (they hold licences for the domain and none is valid on the date: O_INACTIVE
    ///   for that domain's items), and under the frequency cap of their tier counting the
    ///   distinct draws for the same domain in the 12 months before the task date, stored
    ///   draw records and imported `random_draw` inspections alike; stratum = tier;
    /// - roster: active enforcement officers qualified for the task's domain whose certificate
    ///   is valid on the task date;
    /// - conflicts: declared conflicts in force on the task date, plus `prior_inspection` for
    ///   every officer of each team in the newest stored draw before the task date (L5);
    ///   only rows between roster officers and population enterprises are kept; with
    ///   `cross_district` in the plan, the L6 rows (`CrossDistrictRule`);
    /// - names.csv: enterprise and officer names for the notice (not hashed).
    public static func freeze(storePath: String, planPath: String, outputDirectory: String) throws(DrawError) -> FreezeSummary {
        let plan = try DrawPlanFile.read(try DrawFiles.read(planPath), file: planPath)
        guard let task = plan.task else { throw .usage("\(planPath): `task` must be present to freeze from a store") }
        let date = task.date
        guard FileManager.default.fileExists(atPath: storePath) else {
            throw .io(path: storePath, problem: "no store here; create one with `risktier init --store \(storePath)`")
        }
        do {
            let store = try Store.open(path: storePath)
            guard let run = try store.latestRun(before: date.adding(days: 1)) else {
                throw DrawError.usage("\(storePath): no scoring run on or before the task date \(date); run `risktier score --store \(storePath) …` first")
            }
            let enterprises = Dictionary(uniqueKeysWithValues: try store.enterprises().map { ($0.id, $0) })
            // Licences per enterprise for the task's domain: nil = none held; false = none valid.
            var licenceValid: [CreditCode: Bool] = [:]
            try store.forEachEvent(of: .licence, ordered: false) { event in  // an OR per firm: order-free
                guard case let .licence(licence) = event, licence.header.domain == task.domain else { return }
                let ended = licence.status != .valid && (licence.statusChangedOn ?? licence.issuedOn) <= date
                let valid = licence.issuedOn <= date && date <= licence.expiresOn && !ended
                licenceValid[licence.header.enterpriseId] = (licenceValid[licence.header.enterpriseId] ?? false) || valid
            }
            // Frequency caps: distinct draws for the same domain in (date − 12 months, date), from
            // stored draw records and from imported random-draw inspections.
            var frequency = DrawFrequencyCount(domain: task.domain, taskDate: date)
            let stored = try store.draws(before: date, excluding: task.id)
            for draw in stored where draw.domain == task.domain && draw.taskDate > date.adding(months: -12) {
                let record = try DrawRecordFile.read(Data(draw.recordJSON.utf8), file: "store draws/\(draw.drawId)")
                frequency.addRecordedDraw(id: draw.drawId, domain: draw.domain, taskDate: draw.taskDate, selected: record.selections.map(\.enterpriseID))
            }
            try store.forEachEvent(of: .inspection, ordered: false) { event in  // distinct (draw, firm) counts: order-free
                if case let .inspection(inspection) = event { frequency.addInspection(inspection) }
            }
            let drawnBefore = frequency.counts
            var rows: [(enterpriseID: String, stratum: DrawStratum, domain: SupervisionDomain, district: String)] = []
            var names: [String: String] = [:]
            for assignment in try store.assignments(ofRun: run.runId) where assignment.drawable {
                guard let tier = assignment.tier, let enterprise = enterprises[assignment.enterpriseId],
                      enterprise.isActive(on: date), enterprise.domains.contains(task.domain),
                      licenceValid[enterprise.id] != false,
                      drawnBefore[enterprise.id.value, default: 0] < frequencyCaps[tier]! else { continue }
                rows.append((enterprise.id.value, DrawStratum(tier: tier), task.domain, enterprise.district))
                names[enterprise.id.value] = enterprise.name
            }
            let population = try FrozenPopulation.make(rows: rows, file: "store \(storePath)", allowedStrata: Set(plan.strata))
            var members: [RosterMember] = []
            for inspector in try store.inspectors()
            where inspector.active && inspector.role == .enforcement && inspector.domains.contains(task.domain)
                && (inspector.certValidUntil.map { $0 >= date } ?? false) {
                members.append(RosterMember(inspectorID: inspector.id, domains: inspector.domains.sorted(), district: inspector.district,
                                            capacity: inspector.capacity))
                names[inspector.id] = inspector.name
            }
            let roster = try FrozenRoster(frozen: FrozenRoster.render(members), file: "store \(storePath)")
            let officers = Set(members.map(\.inspectorID))
            var conflictRows = Set<ConflictRow>()
            for conflict in try store.conflicts() where conflict.isActive(on: date) && officers.contains(conflict.inspectorId)
                && names[conflict.enterpriseId.value] != nil {
                conflictRows.insert(ConflictRow(inspectorID: conflict.inspectorId, enterpriseID: conflict.enterpriseId.value, reason: conflict.reason.rawValue))
            }
            if let last = stored.first {
                let record = try DrawRecordFile.read(Data(last.recordJSON.utf8), file: "store draws/\(last.drawId)")
                for selection in record.selections where names[selection.enterpriseID] != nil {
                    for member in selection.team where officers.contains(member.inspectorID) {
                        conflictRows.insert(ConflictRow(inspectorID: member.inspectorID, enterpriseID: selection.enterpriseID, reason: "prior_inspection"))
                    }
                }
            }
            if task.crossDistrict { conflictRows.formUnion(CrossDistrictRule.rows(population: population, roster: roster)) }
            let conflicts = try FrozenConflicts(frozen: FrozenConflicts.render(Array(conflictRows)), file: "store \(storePath)")
            return try write(plan: plan, population: population, roster: roster, conflicts: conflicts, names: DrawNames.render(names), to: outputDirectory)
        } catch let error as DrawError {
            throw error
        } catch let error as LotteryError {
            throw .invalid(error)
        } catch let error as StoreError {
            throw .io(path: storePath, problem: error.description)
        } catch {
            throw .io(path: storePath, problem: "\(error)")
        }
    }

    /// `draw record --store`: checks the record against the frozen directory (as `draw
    /// verify`) and stores it under the plan's task id, so that the next freeze recuses its
    /// teams and counts its selections toward the frequency caps. Returns the draw id.
    public static func record(storePath: String, frozenDirectory: String, recordPath: String) throws(DrawError) -> String {
        switch try verify(frozenDirectory: frozenDirectory, recordPath: recordPath) {
        case let .mismatch(mismatch):
            throw .usage("\(recordPath) does not verify against \(frozenDirectory) (\(mismatch)); not stored")
        case .confirmed:
            break
        }
        let manifestPath = DrawFiles.path(frozenDirectory, DrawManifest.fileName)
        let manifest = try DrawManifestFile.read(try DrawFiles.read(manifestPath), file: manifestPath)
        guard let task = manifest.plan.task else { throw .usage("\(manifestPath): the plan has no task; only store-frozen draws can be recorded") }
        let recordData = try DrawFiles.read(recordPath)
        let record = try DrawRecordFile.read(recordData, file: recordPath)
        do {
            let store = try Store.open(path: storePath)
            try store.recordDraw(drawId: task.id, taskDate: task.date, domain: task.domain, algorithm: record.algorithm,
                                 manifestSHA256: record.manifestSHA256, seed: record.seed, recordJSON: String(decoding: recordData, as: UTF8.self))
        } catch {
            throw .io(path: storePath, problem: error.description)
        }
        return task.id
    }
}
