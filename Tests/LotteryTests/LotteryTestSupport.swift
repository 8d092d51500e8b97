import Domain
import Foundation
import Statistics
@testable import Lottery

/// Paths and fixtures shared by the Lottery tests.
enum LotteryTestSupport {
    /// The repository root, found from this file's path (Tests/LotteryTests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ relative: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relative))
    }

    static func json(_ relative: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try data(relative)) as! [String: Any]
    }

    /// Statistics' seeded SplitMix64 for property inputs (the seed is in every failure message).
    typealias SplitMix64 = Statistics.SplitMix64

    /// A valid unified social credit code from a number (charset digits + GB 32100 check).
    static func creditCode(_ number: Int, district: String = "330102") -> String {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        var body = "91" + district
        var value = number
        for _ in 0..<9 { body.append(charset[value % 31]); value /= 31 }
        return body + String(CreditCode.checkCharacter(for: Array(body.utf8))!)
    }

    struct Scenario {
        var population: [(enterpriseID: String, stratum: DrawStratum, domain: SupervisionDomain, district: String)]
        var roster: [RosterMember]
        var conflicts: [ConflictRow]
        var rates: [DrawStratum: Int]
        var teamSize: Int
    }

    static let tiers = Tier.allCases.map(DrawStratum.init(tier:))
    static let domains: [SupervisionDomain] = [.food, .drug, .cosmetic]

    /// A seeded random scenario: population, roster with small capacities, conflicts.
    static func scenario(seed: UInt64, size: Int, inspectors: Int = 12) -> Scenario {
        var random = SplitMix64(seed: seed)
        var population: [(enterpriseID: String, stratum: DrawStratum, domain: SupervisionDomain, district: String)] = []
        var used = Set<Int>()
        while population.count < size {
            let number = random.below(1 << 40)
            guard used.insert(number).inserted else { continue }
            let district = ["330102", "330105", "330106"][random.below(3)]
            population.append((creditCode(number, district: district), tiers[random.below(4)], domains[random.below(3)], district))
        }
        var roster: [RosterMember] = []
        for k in 0..<inspectors {
            var qualified = Set<SupervisionDomain>()
            for _ in 0..<(1 + random.below(2)) { qualified.insert(domains[random.below(3)]) }
            roster.append(RosterMember(inspectorID: "I\(k)", domains: qualified.sorted(), district: "330102", capacity: random.below(6)))
        }
        var conflicts = Set<ConflictRow>()
        for _ in 0..<(size / 3) {
            conflicts.insert(ConflictRow(inspectorID: roster[random.below(inspectors)].inspectorID,
                                         enterpriseID: population[random.below(size)].enterpriseID, reason: "kinship"))
        }
        let rates = Dictionary(uniqueKeysWithValues: tiers.map { ($0, [300, 1500, 5000, 10_000][random.below(4)]) })
        return Scenario(population: population, roster: roster, conflicts: Array(conflicts), rates: rates, teamSize: 2 + random.below(2))
    }

    /// Freezes a scenario in memory, with a manifest whose digests match.
    static func frozen(_ scenario: Scenario) throws -> FrozenDraw {
        let population = try FrozenPopulation.make(rows: scenario.population)
        let roster = try FrozenRoster(frozen: FrozenRoster.render(scenario.roster))
        let conflicts = try FrozenConflicts(frozen: FrozenConflicts.render(scenario.conflicts))
        return try frozen(population: population, roster: roster, conflicts: conflicts,
                          plan: try DrawPlan(ratesBasisPoints: scenario.rates, teamSize: scenario.teamSize, task: nil))
    }

    static func frozen(population: FrozenPopulation, roster: FrozenRoster, conflicts: FrozenConflicts, plan: DrawPlan) throws -> FrozenDraw {
        let manifest = DrawManifest(plan: plan, fileDigests: [
            FrozenPopulation.fileName: TicketHasher.sha256Hex(population.bytes),
            FrozenRoster.fileName: TicketHasher.sha256Hex(roster.bytes),
            FrozenConflicts.fileName: TicketHasher.sha256Hex(conflicts.bytes),
        ])
        return try FrozenDraw(manifest: manifest, manifestBytes: manifest.canonicalJSON, population: population,
                              roster: roster, conflicts: conflicts)
    }
}

extension Statistics.SplitMix64 {
    /// A number in 0..<n (modulo draw: the tiny bias does not matter for test inputs).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
