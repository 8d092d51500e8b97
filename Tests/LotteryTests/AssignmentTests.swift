import Domain
import Foundation
import Testing
@testable import Lottery

/// Step 3 properties over seeded random scenarios (the seed is in every message). The team
/// composition itself is checked against the independent Python implementation in
/// DrawCLITests (Datasets/lottery/cases).
@Suite struct AssignmentTests {
    @Test(arguments: Array(UInt64(41)...UInt64(48)))
    func teamsRespectQualificationConflictsAndCapacity(seed: UInt64) throws {
        let scenario = LotteryTestSupport.scenario(seed: seed, size: 250)
        let record = try LotteryTestSupport.frozen(scenario).draw(seed: "assignment-\(seed)-xxxxxxxxxxxx")
        let member = Dictionary(uniqueKeysWithValues: scenario.roster.map { ($0.inspectorID, $0) })
        let domainOf = Dictionary(uniqueKeysWithValues: scenario.population.map { ($0.enterpriseID, $0.domain) })
        let conflicts = Set(scenario.conflicts.map { "\($0.inspectorID)|\($0.enterpriseID)" })
        var load: [String: Int] = [:]
        let unassigned = Set(record.unassigned.map(\.enterpriseID))
        for selection in record.selections {
            if unassigned.contains(selection.enterpriseID) {
                #expect(selection.team.isEmpty, "seed \(seed)")
                continue
            }
            #expect(selection.team.count == scenario.teamSize, "seed \(seed) \(selection.enterpriseID)")
            #expect(Set(selection.team.map(\.inspectorID)).count == selection.team.count, "seed \(seed): repeated officer")
            for officer in selection.team {
                let m = member[officer.inspectorID]!
                #expect(m.domains.contains(domainOf[selection.enterpriseID]!), "seed \(seed): unqualified \(officer.inspectorID)")
                #expect(!conflicts.contains("\(officer.inspectorID)|\(selection.enterpriseID)"), "seed \(seed): conflict assigned")
                load[officer.inspectorID, default: 0] += 1
            }
            // Team members by ascending inspector ticket.
            let hasher = TicketHasher(seed: record.seed)
            let tickets = selection.team.map { hasher.ticket(enterprise: selection.enterpriseID, inspector: $0.inspectorID) }
            for (a, b) in zip(tickets, tickets.dropFirst()) { #expect(Ticket.precedes(a, b), "seed \(seed)") }
        }
        for (id, count) in load { #expect(count <= member[id]!.capacity, "seed \(seed): \(id) over capacity") }
        #expect(record.unassigned.allSatisfy { $0.reason.hasPrefix("only ") }, "seed \(seed)")
    }

    /// An enterprise nobody may inspect is listed, the draw completes, and later enterprises
    /// still get teams.
    @Test func missingOfficersLeaveEnterprisesUnassignedNotTheDrawFailed() throws {
        let ids = (0..<6).map { LotteryTestSupport.creditCode(1000 + $0) }
        var rows = ids.map { (enterpriseID: $0, stratum: DrawStratum(tier: .d), domain: SupervisionDomain.food, district: "330102") }
        rows[0].domain = .drug  // nobody is qualified for drug
        let roster = [RosterMember(inspectorID: "F1", domains: [.food], district: "330102", capacity: 100),
                      RosterMember(inspectorID: "F2", domains: [.food], district: "330102", capacity: 100)]
        let frozen = try LotteryTestSupport.frozen(
            population: try FrozenPopulation.make(rows: rows), roster: try FrozenRoster(frozen: FrozenRoster.render(roster)),
            conflicts: try FrozenConflicts(frozen: FrozenConflicts.render([])),
            plan: try DrawPlan(ratesBasisPoints: [DrawStratum(tier: .d): 10_000], teamSize: 2, task: nil))
        let record = frozen.draw(seed: "unassigned-xxxxxxxxxxxxxxx")
        #expect(record.selections.count == 6)
        #expect(record.unassigned == [DrawRecordUnassigned(enterpriseID: ids[0],
            reason: "only 0 eligible officers for a team of 2: 0 qualified for drug, 0 recused by conflict rows, 0 at capacity")])
        #expect(record.selections.filter { !$0.team.isEmpty }.count == 5)
    }
}
