import Dispatch
import Domain

/// The draw itself (DESIGN.md "risktier-draw/1", selection steps 1–3), from frozen files and
/// a seed to a `DrawRecord`.
extension FrozenDraw {
    /// Runs the draw. Deterministic: the same files and seed give the same record.
    public func draw(seed: String) -> DrawRecord { drawWithRows(seed: seed).record }

    /// The draw and, in rank order, the population row of each selection.
    public func drawWithRows(seed: String) -> (record: DrawRecord, rows: [Int]) {
        let hasher = TicketHasher(seed: seed)
        let keys = FrozenDraw.enterpriseKeys(population, hasher: hasher)
        let plan = manifest.plan

        // Full-precision order, used only when 18-digit keys tie.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            let ta = population.withID(a, hasher.ticket), tb = population.withID(b, hasher.ticket)
            if !Ticket.sameFraction(ta, tb) { return Ticket.precedes(ta, tb) }
            return population.enterpriseID(a).utf8.lexicographicallyPrecedes(population.enterpriseID(b).utf8)
        }

        // Steps 1–2: per stratum, the n smallest tickets.
        var members = [[Int]](repeating: [], count: population.strataPresent.count)
        for row in 0..<population.count { members[Int(population.stratumIndexOfRow[row])].append(row) }
        var strata: [DrawRecordStratum] = []
        var selected: [Int] = []
        for stratum in plan.strata {
            let rate = plan.ratesBasisPoints[stratum]!
            var rows = population.strataPresent.firstIndex(of: stratum).map { members[$0] } ?? []
            let n = DrawPlan.sampleSize(population: rows.count, rateBasisPoints: rate)
            strata.append(DrawRecordStratum(stratum: stratum, population: rows.count, rateBasisPoints: rate, sampleSize: n))
            if n < rows.count { Selection.partition(&rows, smallest: n, by: precedes) }
            selected += rows.prefix(n)
        }
        // Step 3 order: all selected, ascending ticket.
        selected.sort(by: precedes)

        let assignment = TeamAssignment(roster: roster, conflicts: conflicts, teamSize: plan.teamSize, hasher: hasher)
        let outcomes = assignment.assign(selected.map { (population.enterpriseID($0), population.domain($0)) })
        var selections: [DrawRecordSelection] = []
        var unassigned: [DrawRecordUnassigned] = []
        selections.reserveCapacity(selected.count)
        for (position, (row, outcome)) in zip(selected, outcomes).enumerated() {
            let enterpriseID = population.enterpriseID(row)
            let team: [DrawRecordTeamMember]
            switch outcome {
            case let .team(members):
                team = members.map { DrawRecordTeamMember(inspectorID: $0.inspectorID, ticket: $0.ticket.trimmed(18)) }
            case let .unassigned(reason):
                team = []
                unassigned.append(DrawRecordUnassigned(enterpriseID: enterpriseID, reason: reason))
            }
            let ticket = population.withID(row, hasher.ticket)
            selections.append(DrawRecordSelection(rank: position + 1, enterpriseID: enterpriseID,
                                                  stratum: population.stratum(row), ticket: ticket.trimmed(18), team: team))
        }
        return (DrawRecord(manifestSHA256: manifestSHA256, seed: seed, strata: strata,
                           selections: selections, unassigned: unassigned), selected)
    }

    /// The 18-digit ticket key of every row. SHA-256 dominates; rows are split across the
    /// machine's cores in contiguous chunks (the result does not depend on the split).
    static func enterpriseKeys(_ population: FrozenPopulation, hasher: TicketHasher) -> [UInt64] {
        let count = population.count
        var keys = [UInt64](repeating: 0, count: count)
        let chunks = count < 4096 ? 1 : 16
        keys.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            population.bytes.withUnsafeBytes { raw in
                nonisolated(unsafe) let raw = raw
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let lower = count * chunk / chunks, upper = count * (chunk + 1) / chunks
                    withUnsafeTemporaryAllocation(byteCount: 64, alignment: 16) { block in
                        for row in lower..<upper {
                            let start = Int(population.idStart[row])
                            let id = UnsafeRawBufferPointer(rebasing: raw[start..<(start + Int(population.idLength[row]))])
                            out[row] = hasher.fractionKey(id, block: block.baseAddress!)
                        }
                    }
                }
            }
        }
        return keys
    }
}
