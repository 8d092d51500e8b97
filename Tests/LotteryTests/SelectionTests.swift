import Domain
import Foundation
import Testing
@testable import Lottery

/// Per-stratum samples: the package on 20 000 ids, and properties of consistent sampling.
@Suite struct SelectionTests {
    /// 20 000 USCC-shaped ids, 5 %: our sample equals `sampler(ids, seed, take=1000)` from
    /// consistent-sampler 1.0.10 (large_sample.json), in order, with tickets as trim(x, 18).
    @Test func largeSampleMatchesThePackage() throws {
        let vectors = try LotteryTestSupport.json("Datasets/lottery/large_sample.json")
        let ids = vectors["ids"] as! [String]
        let expected = vectors["sample"] as! [[String]]
        #expect(ids.count == 20_000 && expected.count == 1000)
        let rows = ids.map { (enterpriseID: $0, stratum: DrawStratum(tier: .a), domain: SupervisionDomain.food, district: "330102") }
        let population = try FrozenPopulation.make(rows: rows)
        let plan = try DrawPlan(ratesBasisPoints: [DrawStratum(tier: .a): 500], teamSize: 2, task: nil)
        let frozen = try LotteryTestSupport.frozen(population: population, roster: try FrozenRoster(frozen: FrozenRoster.render([])),
                                                   conflicts: try FrozenConflicts(frozen: FrozenConflicts.render([])), plan: plan)
        let record = frozen.draw(seed: vectors["seed"] as! String)
        #expect(record.selections.map(\.enterpriseID) == expected.map { $0[1] })
        #expect(record.selections.map(\.ticket) == expected.map { $0[0] })
        // No roster: every selection is unassigned, and says why.
        #expect(record.unassigned.count == 1000)
        #expect(record.unassigned.first?.reason == "only 0 eligible officers for a team of 2: 0 qualified for food, 0 recused by conflict rows, 0 at capacity")
    }

    @Test func sampleSizeIsTheIntegerCeilingCappedAtN() {
        #expect(DrawPlan.sampleSize(population: 0, rateBasisPoints: 3000) == 0)
        #expect(DrawPlan.sampleSize(population: 1, rateBasisPoints: 1) == 1)
        #expect(DrawPlan.sampleSize(population: 100, rateBasisPoints: 300) == 3)
        #expect(DrawPlan.sampleSize(population: 101, rateBasisPoints: 300) == 4)
        #expect(DrawPlan.sampleSize(population: 10_000, rateBasisPoints: 1) == 1)
        #expect(DrawPlan.sampleSize(population: 10_001, rateBasisPoints: 1) == 2)
        #expect(DrawPlan.sampleSize(population: 7, rateBasisPoints: 10_000) == 7)
        #expect(DrawPlan.sampleSize(population: 7, rateBasisPoints: 0) == 0)
    }

    /// A sample is a subset of its stratum, exactly n, no duplicates; strata in A–D order.
    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func sampleIsASubsetOfExactlyN(seed: UInt64) throws {
        let scenario = LotteryTestSupport.scenario(seed: seed, size: 300)
        let frozen = try LotteryTestSupport.frozen(scenario)
        let record = frozen.draw(seed: "property-seed-\(seed)-abcdefghij")
        #expect(record.strata.map(\.stratum.name) == ["A", "B", "C", "D"], "seed \(seed)")
        let strataOf = Dictionary(uniqueKeysWithValues: scenario.population.map { ($0.enterpriseID, $0.stratum) })
        #expect(Set(record.selections.map(\.enterpriseID)).count == record.selections.count, "seed \(seed): duplicates")
        #expect(record.selections.map(\.rank) == Array(1...max(1, record.selections.count)).prefix(record.selections.count).map { $0 })
        for stratum in record.strata {
            let chosen = record.selections.filter { $0.stratum == stratum.stratum }
            #expect(chosen.count == stratum.sampleSize, "seed \(seed) stratum \(stratum.stratum)")
            #expect(stratum.population == scenario.population.filter { $0.stratum == stratum.stratum }.count)
            #expect(chosen.allSatisfy { strataOf[$0.enterpriseID] == stratum.stratum }, "seed \(seed)")
        }
        // Ranks follow ascending tickets.
        let hasher = TicketHasher(seed: record.seed)
        let tickets = record.selections.map { hasher.ticket($0.enterpriseID) }
        for (a, b) in zip(tickets, tickets.dropFirst()) { #expect(Ticket.precedes(a, b), "seed \(seed)") }
    }

    /// Removing an enterprise that was not selected leaves the selections (and teams) unchanged
    /// when n stays the same.
    @Test(arguments: [UInt64(21), 22, 23])
    func removingAnUnselectedEnterpriseChangesNothing(seed: UInt64) throws {
        var scenario = LotteryTestSupport.scenario(seed: seed, size: 400)
        scenario.rates = Dictionary(uniqueKeysWithValues: LotteryTestSupport.tiers.map { ($0, 333) })
        let before = try LotteryTestSupport.frozen(scenario).draw(seed: "removal-\(seed)-xxxxxxxxxxxxxx")
        let selected = Set(before.selections.map(\.enterpriseID))
        var random = LotteryTestSupport.SplitMix64(seed: seed)
        var checked = 0
        for _ in 0..<5 {
            var smaller = scenario
            let victims = smaller.population.indices.filter { !selected.contains(smaller.population[$0].enterpriseID) }
            let victim = victims[random.below(victims.count)]
            let removedStratum = smaller.population[victim].stratum
            smaller.population.remove(at: victim)
            let after = try LotteryTestSupport.frozen(smaller).draw(seed: before.seed)
            let sizeBefore = before.strata.first { $0.stratum == removedStratum }!.sampleSize
            let sizeAfter = after.strata.first { $0.stratum == removedStratum }!.sampleSize
            guard sizeBefore == sizeAfter else { continue }  // ⌈N·r⌉ moved: the property does not apply
            checked += 1
            #expect(after.selections == before.selections, "seed \(seed) removed row \(victim)")
        }
        #expect(checked >= 3, "seed \(seed): too few removals kept n unchanged")
    }

    /// A district's sample is the restriction of the city's: the city's full ordering restricted
    /// to a district begins with the district's own sample, and the city's sample within the
    /// district is a prefix of the district's ordering.
    @Test(arguments: [UInt64(31), 32])
    func districtSampleIsTheRestrictionOfTheCitys(seed: UInt64) throws {
        var city = LotteryTestSupport.scenario(seed: seed, size: 500)
        city.roster = []
        city.conflicts = []
        let drawSeed = "district-\(seed)-xxxxxxxxxxxxxxxx"
        var everyone = city
        everyone.rates = Dictionary(uniqueKeysWithValues: LotteryTestSupport.tiers.map { ($0, 10_000) })
        let cityOrder = try LotteryTestSupport.frozen(everyone).draw(seed: drawSeed).selections
        let citySample = try LotteryTestSupport.frozen(city).draw(seed: drawSeed).selections
        for district in ["330102", "330105"] {
            var local = city
            local.population = city.population.filter { $0.district == district }
            let localSample = try LotteryTestSupport.frozen(local).draw(seed: drawSeed)
            let inDistrict = Set(local.population.map(\.enterpriseID))
            for stratum in localSample.strata {
                let cityRestricted = cityOrder.filter { inDistrict.contains($0.enterpriseID) && $0.stratum == stratum.stratum }.map(\.enterpriseID)
                let localChosen = localSample.selections.filter { $0.stratum == stratum.stratum }.map(\.enterpriseID)
                #expect(Array(cityRestricted.prefix(stratum.sampleSize)) == localChosen, "seed \(seed) district \(district) \(stratum.stratum)")
                let cityChosenHere = citySample.filter { inDistrict.contains($0.enterpriseID) && $0.stratum == stratum.stratum }.map(\.enterpriseID)
                #expect(Array(cityRestricted.prefix(cityChosenHere.count)) == cityChosenHere, "seed \(seed) district \(district)")
            }
        }
    }
}
