import Domain

/// Step 3 of `risktier-draw/1`: the team for each selected enterprise, in ascending
/// enterprise-ticket order. Candidates are officers qualified for the enterprise's domain
/// (L4), with no conflict row for the pair (L5) and with fewer assignments so far than
/// their capacity (L7); the team is the `teamSize` candidates with the smallest tickets
/// `fraction(enterprise_id + ":" + inspector_id)` (ties by inspector id). An enterprise
/// without enough candidates gets no team, uses no capacity and is listed with the reason (L8).
struct TeamAssignment {
    let members: [RosterMember]
    let teamSize: Int
    let hasher: TicketHasher
    /// Roster indices per domain (`SupervisionDomain.allCases` order), ascending.
    let qualified: [[Int]]
    /// Roster indices with a conflict row, per enterprise id.
    let conflicted: [String: Set<Int>]
    /// `":" + inspector_id` per roster index, the tail of each inspector ticket's input.
    let suffixes: [[UInt8]]

    struct Candidate {
        let member: Int
        let inspectorID: String
        let ticket: Ticket
    }

    enum Outcome {
        case team([Candidate])
        case unassigned(String)
    }

    struct State {
        var load: [Int]
    }

    init(roster: FrozenRoster, conflicts: FrozenConflicts, teamSize: Int, hasher: TicketHasher) {
        members = roster.members
        self.teamSize = teamSize
        self.hasher = hasher
        var qualified = [[Int]](repeating: [], count: SupervisionDomain.allCases.count)
        for (index, member) in members.enumerated() {
            for domain in member.domains { qualified[SupervisionDomain.allCases.firstIndex(of: domain)!].append(index) }
        }
        self.qualified = qualified
        var indexOfID: [String: Int] = [:]
        for (index, member) in members.enumerated() { indexOfID[member.inspectorID] = index }
        var conflicted: [String: Set<Int>] = [:]
        for row in conflicts.rows {
            // A row naming an officer not on the roster cannot affect the draw.
            if let index = indexOfID[row.inspectorID] { conflicted[row.enterpriseID, default: []].insert(index) }
        }
        self.conflicted = conflicted
        suffixes = members.map { Array((":" + $0.inspectorID).utf8) }
    }

    func initialState() -> State { State(load: [Int](repeating: 0, count: members.count)) }

    /// Assigns one enterprise and updates the loads.
    func assign(enterpriseID: String, domain: SupervisionDomain, state: inout State) -> Outcome {
        let pool = qualified[SupervisionDomain.allCases.firstIndex(of: domain)!]
        let recused = conflicted[enterpriseID] ?? []
        var recusedCount = 0, fullCount = 0
        // The best `teamSize` so far, ascending by (key, then full order).
        var best: [(key: UInt64, member: Int)] = []
        best.reserveCapacity(teamSize + 1)
        var message = [UInt8](enterpriseID.utf8)
        let prefixLength = message.count
        message.reserveCapacity(prefixLength + 33)
        for member in pool {
            if recused.contains(member) { recusedCount += 1; continue }
            if state.load[member] >= members[member].capacity { fullCount += 1; continue }
            message.removeSubrange(prefixLength...)
            message += suffixes[member]
            let key = message.withUnsafeBytes { Ticket.key(lowDigits: hasher.digest($0).lowNineteenDigits) }
            if best.count == teamSize, let last = best.last, !precedes((key, member), last, enterpriseID: enterpriseID) { continue }
            var position = best.count
            while position > 0, precedes((key, member), best[position - 1], enterpriseID: enterpriseID) { position -= 1 }
            best.insert((key, member), at: position)
            if best.count > teamSize { best.removeLast() }
        }
        let available = pool.count - recusedCount - fullCount
        guard available >= teamSize else {
            let reason = "only \(available) eligible officer\(available == 1 ? "" : "s") for a team of \(teamSize): "
                + "\(pool.count) qualified for \(domain.rawValue), \(recusedCount) recused by conflict rows, \(fullCount) at capacity"
            return .unassigned(reason)
        }
        var team: [Candidate] = []
        for entry in best {
            state.load[entry.member] += 1
            let id = members[entry.member].inspectorID
            team.append(Candidate(member: entry.member, inspectorID: id, ticket: hasher.ticket(enterprise: enterpriseID, inspector: id)))
        }
        return .team(team)
    }

    /// Ticket order for two candidates of one enterprise; full digits only when keys tie.
    private func precedes(_ a: (key: UInt64, member: Int), _ b: (key: UInt64, member: Int), enterpriseID: String) -> Bool {
        if a.key != b.key { return a.key < b.key }
        let idA = members[a.member].inspectorID, idB = members[b.member].inspectorID
        let ta = hasher.ticket(enterprise: enterpriseID, inspector: idA)
        let tb = hasher.ticket(enterprise: enterpriseID, inspector: idB)
        if !Ticket.sameFraction(ta, tb) { return Ticket.precedes(ta, tb) }
        return (enterpriseID + ":" + idA).utf8.lexicographicallyPrecedes((enterpriseID + ":" + idB).utf8)
    }
}
