import Benchmark
import Domain
import Lottery

// risktier-draw/1 in-process: freeze (re-canonicalise + digests), draw (tickets, selection,
// teams) and verify (draw again + compare) at 10^5 and 10^6 enterprises, 500 officers,
// DOMAIN.md's default rates (A 3 %, B 5 %, C 10 %, D 30 %). The peer (consistent-sampler) is
// run beside the CLI by peers/lottery_side_by_side.py; this target tracks our own numbers.

/// Deterministic synthetic inputs: valid credit codes, tiers 60/25/10/5 %, 4 domains.
struct LotteryFixture {
    let populationCSV: [UInt8]
    let roster: FrozenRoster
    let conflicts: FrozenConflicts
    let plan: DrawPlan

    init(size: Int) {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        let domains = ["cosmetic", "drug", "food", "medical_device"]
        var state: UInt64 = 0x2026_1125
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var csv = Array("enterprise_id,stratum,domain,district\n".utf8)
        var selectedEstimate = 0
        for i in 0..<size {
            var code = Array("91330000".utf8)
            var value = i
            for _ in 0..<9 { code.append(charset[value % 31]); value /= 31 }
            var sum = 0
            for (byte, weight) in zip(code, weights) { sum += charset.firstIndex(of: byte)! * weight }
            code.append(charset[(31 - sum % 31) % 31])
            let draw = next() % 100
            let tier = draw < 60 ? "A" : draw < 85 ? "B" : draw < 95 ? "C" : "D"
            selectedEstimate += tier == "A" ? 3 : tier == "B" ? 5 : tier == "C" ? 10 : 30
            csv += code
            csv += ",\(tier),\(domains[Int(next() % 4)]),330100\n".utf8
        }
        populationCSV = csv
        let capacity = max(1, selectedEstimate / 100 * 2 * 12 / (500 * 10) + 1)
        var members: [RosterMember] = []
        for k in 0..<500 {
            let first = Int(next() % 4)
            let second = (first + 1 + Int(next() % 3)) % 4
            let qualified = [first, second].map { SupervisionDomain(rawValue: domains[$0])! }.sorted()
            members.append(RosterMember(inspectorID: "INS" + String(1000 + k), domains: qualified, district: "330100", capacity: capacity))
        }
        roster = try! FrozenRoster(frozen: FrozenRoster.render(members))
        conflicts = try! FrozenConflicts(frozen: FrozenConflicts.render([]))
        plan = try! DrawPlan(ratesBasisPoints: [DrawStratum(tier: .a): 300, DrawStratum(tier: .b): 500,
                                                DrawStratum(tier: .c): 1000, DrawStratum(tier: .d): 3000], teamSize: 2, task: nil)
    }

    func frozen() -> FrozenDraw {
        let population = try! FrozenPopulation.canonicalising(populationCSV, file: "population.csv")
        let manifest = DrawManifest(plan: plan, fileDigests: [
            FrozenPopulation.fileName: TicketHasher.sha256Hex(population.bytes),
            FrozenRoster.fileName: TicketHasher.sha256Hex(roster.bytes),
            FrozenConflicts.fileName: TicketHasher.sha256Hex(conflicts.bytes),
        ])
        return try! FrozenDraw(manifest: manifest, manifestBytes: manifest.canonicalJSON, population: population,
                               roster: roster, conflicts: conflicts)
    }
}

let seed = "20261125-public-seed"

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident],
                                           warmupIterations: 1, maxDuration: .seconds(20), maxIterations: 7)
    for size in [100_000, 1_000_000] {
        let fixture = LotteryFixture(size: size)
        let frozen = fixture.frozen()
        Benchmark("freeze n=\(size)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(fixture.frozen()) }
        }
        Benchmark("draw n=\(size)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(frozen.draw(seed: seed)) }
        }
        let record = frozen.draw(seed: seed)
        Benchmark("verify n=\(size)") { benchmark in
            for _ in benchmark.scaledIterations {
                let mismatch = frozen.verify(record)
                precondition(mismatch == nil, "verify must succeed on its own record")
                blackHole(mismatch)
            }
        }
    }
}
