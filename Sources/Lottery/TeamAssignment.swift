import CCryptoBoringSSL
import Dispatch
import Domain

/// Step 3 of `risktier-draw/1`: the team for each selected enterprise, in ascending
/// enterprise-ticket order. Candidates are officers qualified for the enterprise's domain
/// (L4), with no conflict row for the pair (L5) and with fewer assignments so far than
/// their capacity (L7); the team is the `teamSize` candidates with the smallest tickets
/// `fraction(enterprise_id + ":" + inspector_id)` (ties by inspector id). An enterprise
/// without enough candidates gets no team, uses no capacity and is listed with the reason (L8).
///
/// Hashing every candidate dominates (selected × qualified officers). It runs in parallel
/// over blocks of enterprises: for each enterprise of a block we keep the `teamSize + slack`
/// best candidates among those with capacity left when the block starts (a superset of the
/// candidates at its turn, since loads only grow). The block is then assigned sequentially in
/// rank order; the best still-available officers in that short list are the best overall, as
/// every officer outside it has a larger ticket. Only when the short list runs dry (officers
/// filled up inside the block) is the enterprise recomputed over its whole pool. The result
/// equals the plain sequential definition.
struct TeamAssignment: Sendable {
    let members: [RosterMember]
    let teamSize: Int
    let hasher: TicketHasher
    /// Roster indices per domain (`SupervisionDomain.allCases` order), ascending.
    let qualified: [[Int]]
    /// Roster indices with a conflict row, per enterprise id.
    let conflicted: [String: Set<Int>]
    /// Inspector id bytes per roster index, the tail of each inspector ticket's input.
    let inspectorBytes: [[UInt8]]
    /// The longest inspector id, to know whether every candidate fits one block.
    let maxInspectorLength: Int
    /// Per roster index, 64 bytes (8 words): zeros for an `enterprise_id:` prefix of
    /// `prefixLength` bytes, then the inspector id, then zeros; the one-block input with the
    /// prefix still to write and no padding yet.
    let inspectorTails: [UInt64]
    /// Inspector id lengths in bytes, per roster index.
    let inspectorLengths: [Int]
    /// An 18-character credit code and `:`.
    static let prefixLength = 19

    static let slack = 6
    static let blockSize = 2048

    struct Candidate {
        let member: Int
        let inspectorID: String
        let ticket: Ticket
    }

    enum Outcome {
        case team([Candidate])
        case unassigned(String)
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
        let ids = members.map { Array($0.inspectorID.utf8) }
        inspectorBytes = ids
        maxInspectorLength = ids.map(\.count).max() ?? 0
        var tails = [UInt64](repeating: 0, count: members.count * 8)
        tails.withUnsafeMutableBytes { raw in
            for (member, id) in ids.enumerated() where TeamAssignment.prefixLength + id.count <= TicketHasher.oneBlockLimit {
                for (k, byte) in id.enumerated() { raw[member * 64 + TeamAssignment.prefixLength + k] = byte }
            }
        }
        inspectorTails = tails
        inspectorLengths = ids.map(\.count)
    }

    /// Assigns every enterprise (given in rank order) and returns one outcome each.
    func assign(_ enterprises: [(id: String, domain: SupervisionDomain)]) -> [Outcome] {
        var load = [Int](repeating: 0, count: members.count)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(enterprises.count)
        let width = teamSize + TeamAssignment.slack
        var lists = [(key: UInt64, member: Int)](repeating: (0, 0), count: TeamAssignment.blockSize * width)
        var listCounts = [Int](repeating: 0, count: TeamAssignment.blockSize)
        var blockStart = 0
        while blockStart < enterprises.count {
            let blockEnd = min(enterprises.count, blockStart + TeamAssignment.blockSize)
            // Parallel: short lists against the loads at the start of the block.
            let startLoad = load
            let start = blockStart
            lists.withUnsafeMutableBufferPointer { listBuffer in
                listCounts.withUnsafeMutableBufferPointer { countBuffer in
                    nonisolated(unsafe) let listBuffer = listBuffer, countBuffer = countBuffer
                    let count = blockEnd - blockStart
                    let chunks = count < 64 ? 1 : 8
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        for offset in (count * chunk / chunks)..<(count * (chunk + 1) / chunks) {
                            let enterprise = enterprises[start + offset]
                            var best = ShortList(capacity: width)
                            scan(enterprise.id, enterprise.domain, load: startLoad, into: &best)
                            for (k, entry) in best.entries.enumerated() { listBuffer[offset * width + k] = entry }
                            countBuffer[offset] = best.entries.count
                        }
                    }
                }
            }
            // Sequential: rank order, current loads.
            for offset in 0..<(blockEnd - blockStart) {
                let enterprise = enterprises[blockStart + offset]
                var chosen: [Int] = []
                let listCount = listCounts[offset]
                for k in 0..<listCount where chosen.count < teamSize {
                    let member = lists[offset * width + k].member
                    if load[member] < members[member].capacity { chosen.append(member) }
                }
                if chosen.count < teamSize && listCount == width {
                    // The short list ran dry inside this block: redo this one exactly.
                    var best = ShortList(capacity: teamSize)
                    scan(enterprise.id, enterprise.domain, load: load, into: &best)
                    chosen = best.entries.map(\.member)
                }
                outcomes.append(outcome(enterprise.id, enterprise.domain, chosen: chosen, load: &load))
            }
            blockStart = blockEnd
        }
        return outcomes
    }

    /// Fills `best` with the smallest-ticket officers qualified for `domain`, not recused and
    /// below capacity under `load`.
    private func scan(_ enterpriseID: String, _ domain: SupervisionDomain, load: [Int], into best: inout ShortList) {
        let pool = qualified[SupervisionDomain.allCases.firstIndex(of: domain)!]
        let recused = conflicted[enterpriseID] ?? []
        var prefix = Array(enterpriseID.utf8)
        prefix.append(UInt8(ascii: ":"))
        if prefix.count != TeamAssignment.prefixLength || prefix.count + maxInspectorLength > TicketHasher.oneBlockLimit {
            // Ids other than 18-character credit codes: the general two-call path.
            let afterPrefix = prefix.withUnsafeBytes { hasher.state(prefix: $0) }
            for member in pool {
                if load[member] >= members[member].capacity || recused.contains(member) { continue }
                var context = afterPrefix
                let key = inspectorBytes[member].withUnsafeBytes { TicketHasher.finish(&context, $0).fractionKey }
                best.offer((key, member)) { precedes($0, $1, enterpriseID: enterpriseID) }
            }
            return
        }
        // One SHA-256 block per candidate: the inspector's zero-padded id is copied in as eight
        // words, "enterprise:" written over its front, then padding and length.
        let checkRecusal = !recused.isEmpty
        var rejectAbove = UInt64.max
        withUnsafeTemporaryAllocation(byteCount: 64, alignment: 16) { buffer in
            let block = buffer.baseAddress!
            let words = block.assumingMemoryBound(to: UInt64.self)
            prefix.withUnsafeBytes { prefixBytes in
                inspectorTails.withUnsafeBufferPointer { tails in
                    inspectorLengths.withUnsafeBufferPointer { inspectorLengths in
                    for member in pool {
                        if load[member] >= members[member].capacity || (checkRecusal && recused.contains(member)) { continue }
                        // tails: for each member, 8 words = 64 bytes shifted right by `prefixLength`
                        // so the id starts after the prefix (built once in init for that length).
                        let base = member &* 8
                        for k in 0..<8 { words[k] = tails[base &+ k] }
                        block.copyMemory(from: prefixBytes.baseAddress!, byteCount: prefixBytes.count)
                        let digest = hasher.finishBlockDigest(block, length: prefix.count &+ inspectorLengths[member])
                        // A full list rejects anyone whose first 9 digits are already larger.
                        if digest.fractionKeyHigh > rejectAbove { continue }
                        best.offer((digest.fractionKey, member)) { precedes($0, $1, enterpriseID: enterpriseID) }
                        if best.entries.count == best.capacity { rejectAbove = best.entries[best.capacity - 1].key / 1_000_000_000 }
                    }
                    }
                }
            }
        }
    }

    /// Records the team (updating loads) or the reason there is none.
    private func outcome(_ enterpriseID: String, _ domain: SupervisionDomain, chosen: [Int], load: inout [Int]) -> Outcome {
        guard chosen.count >= teamSize else {
            let pool = qualified[SupervisionDomain.allCases.firstIndex(of: domain)!]
            let recused = conflicted[enterpriseID] ?? []
            let recusedCount = pool.filter { recused.contains($0) }.count
            let fullCount = pool.filter { !recused.contains($0) && load[$0] >= members[$0].capacity }.count
            let available = pool.count - recusedCount - fullCount
            return .unassigned("only \(available) eligible officer\(available == 1 ? "" : "s") for a team of \(teamSize): "
                + "\(pool.count) qualified for \(domain.rawValue), \(recusedCount) recused by conflict rows, \(fullCount) at capacity")
        }
        var team: [Candidate] = []
        for member in chosen.prefix(teamSize) {
            load[member] += 1
            let id = members[member].inspectorID
            team.append(Candidate(member: member, inspectorID: id, ticket: hasher.ticket(enterprise: enterpriseID, inspector: id)))
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

/// The `capacity` smallest entries offered so far, ascending (insertion into a short array).
struct ShortList {
    let capacity: Int
    private(set) var entries: [(key: UInt64, member: Int)] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity + 1)
    }

    @inline(__always)
    mutating func offer(_ entry: (key: UInt64, member: Int), by precedes: ((key: UInt64, member: Int), (key: UInt64, member: Int)) -> Bool) {
        if entries.count == capacity, let last = entries.last, entry.key > last.key { return }
        if entries.count == capacity, let last = entries.last, !precedes(entry, last) { return }
        var position = entries.count
        while position > 0, precedes(entry, entries[position - 1]) { position -= 1 }
        entries.insert(entry, at: position)
        if entries.count > capacity { entries.removeLast() }
    }
}
