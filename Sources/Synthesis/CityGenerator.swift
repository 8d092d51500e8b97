import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generates a seeded synthetic city (DESIGN.md "Synthetic city"): enterprises, licences,
/// events, inspectors and conflicts whose history follows a latent risk u per enterprise, and
/// whose outcome window (t, t + 12 months] follows `LatentModel.truth` exactly.
///
/// The same spec always gives the same rows: every enterprise draws from its own xoshiro256**
/// stream, and rows are produced in id order. Memory is O(N) (one profile per enterprise);
/// events are generated, rendered and handed to the sink one enterprise at a time.
public struct CityGenerator {
    public let spec: CitySpec
    public let model: LatentModel

    let startDay: Int
    let referenceDay: Int
    let extractDay: Int
    let ordinalWidth: Int

    /// Annual random-draw rates of DOMAIN.md §2.2 by tier A–D, and the cut points on p̂.
    static let drawRates: [Double] = [0.03, 0.05, 0.10, 0.30]
    static let cutPoints: [Double] = [0.02, 0.05, 0.15]
    static let tierNames = ["A", "B", "C", "D"]

    public init(spec: CitySpec, model: LatentModel = .truth) {
        self.spec = spec
        self.model = model
        startDay = spec.start.daysSinceEpoch
        referenceDay = spec.referenceDate.daysSinceEpoch
        extractDay = spec.extractDate.daysSinceEpoch
        ordinalWidth = max(7, String(spec.enterpriseCount).count)
    }

    /// Generates the whole city into `sink`, file by file in id order, and returns its summary.
    public func generate<Sink: CityRowSink>(into sink: inout Sink) -> CitySummary {
        let profiles = makeProfiles()
        var districtOrdinals = Array(repeating: [Int](), count: CityCatalogue.districts.count)
        for (ordinal, profile) in profiles.enumerated() { districtOrdinals[profile.districtIndex].append(ordinal) }
        var pool = InspectorPool(enterpriseCount: spec.enterpriseCount, seed: spec.seed, startDay: startDay, extractDay: extractDay)
        let conflictRows = pool.makeConflicts(enterpriseCodes: profiles.map(\.code), districtOrdinals: districtOrdinals,
                                              seed: spec.seed, startDay: startDay, extractDay: extractDay)
        for profile in profiles { sink.append(enterpriseRow(profile), to: .enterprises) }
        for row in pool.rows() { sink.append(row, to: .inspectors) }
        for row in conflictRows { sink.append(row, to: .conflicts) }

        var summary = CitySummary(spec: spec, model: model)
        summary.inspectorCount = pool.members.count
        summary.conflictCount = conflictRows.count
        for (ordinal, profile) in profiles.enumerated() {
            var random = SynthRandom(seed: spec.seed, stream: profile.stream)
            var history = EnterpriseHistory()
            let eligible = profile.registeredDay <= referenceDay && (profile.statusChangedDay.map { $0 > referenceDay } ?? true)
            generateHistory(profile, ordinal: ordinal, eligible: eligible, pool: pool, history: &history, random: &random)
            var outcome: OutcomeRecord? = nil
            if eligible {
                outcome = generateOutcomeWindow(profile, ordinal: ordinal, pool: pool, history: &history, random: &random)
            }
            summary.record(profile, history: history, outcome: outcome)
            writeRows(profile, ordinal: ordinal, history: &history, into: &sink)
        }
        return summary
    }

    // MARK: - Enterprises

    func makeProfiles() -> [EnterpriseProfile] {
        var profiles: [EnterpriseProfile] = []
        profiles.reserveCapacity(spec.enterpriseCount)
        var codes = Set<String>(minimumCapacity: spec.enterpriseCount)
        let modernCodesFrom = CivilDate(year: 2015, month: 10, day: 1)!.daysSinceEpoch
        let earliest = CivilDate(year: 1990, month: 1, day: 1)!.daysSinceEpoch
        let cooperativeLaw = CivilDate(year: 2007, month: 7, day: 1)!.daysSinceEpoch
        let letters = Array("0123456789ABCDEFGHJKLMNPQRTUWXY".utf8)
        for index in 0..<spec.enterpriseCount {
            var random = SynthRandom(seed: spec.seed, stream: UInt64(index) | (1 << 62))
            let primary = CityCatalogue.domains[random.pick(weights: CityCatalogue.primaryDomainWeights)]
            var domains = [primary]
            let second = CityCatalogue.secondDomain(of: primary)
            if random.bernoulli(second.probability) { domains.append(random.element(second.domains)) }
            let entityType = random.pick(weights: CityCatalogue.entityTypeWeights(primary))
            let districtIndex = random.pick(weights: CityCatalogue.districts.map(\.weight))
            // Age at the extract date: exponential, mean 5 years for individual businesses
            // (high churn) and 11 for companies; the oldest are clamped into the 1990s.
            let meanYears = entityType == 1 ? 5.0 : 11.0
            let ageDays = Int(-meanYears * 365.25 * log(1 - random.uniform()))
            var registered = extractDay - ageDays
            if registered < earliest { registered = earliest + random.int(in: 0...3652) }
            if entityType == 2, registered < cooperativeLaw { registered = cooperativeLaw + random.int(in: 0...3000) }
            registered = min(registered, extractDay)
            let base: Double
            switch primary {
            case .food: base = 0
            case .drug: base = -0.3
            case .medicalDevice: base = -0.1
            case .cosmetic: base = 0
            case .specialEquipment: base = 0.2
            case .industrialProduct: base = 0.3
            }
            let latent = base + (entityType == 1 ? 0.2 : entityType == 2 ? 0.1 : 0) + 0.8 * random.normal()
            // Closures (注销/吊销) over the period, likelier for risky firms.
            var status = RegistrationStatus.active
            var changed: Int? = nil
            let closeFrom = max(registered + 60, startDay)
            if closeFrom <= extractDay, random.bernoulli(min(0.5, 0.10 * exp(0.4 * latent))) {
                changed = random.int(in: closeFrom...extractDay)
                if random.bernoulli(min(0.6, 0.18 * exp(0.5 * latent))) {
                    status = .revoked
                } else {
                    status = [RegistrationStatus.cancelled, .movedOut, .annulled][random.pick(weights: [0.93, 0.05, 0.02])]
                }
            }
            let production: Bool
            switch primary {
            case .food: production = random.bernoulli(0.12)
            case .drug: production = random.bernoulli(0.08)
            case .medicalDevice: production = random.bernoulli(0.15)
            case .cosmetic: production = random.bernoulli(0.10)
            case .specialEquipment: production = false
            case .industrialProduct: production = true
            }
            // USCC: 9 + type + district + organisation code (8 + GB 11714 check) + check.
            var code = ""
            repeat {
                var body: [UInt8]
                if registered >= modernCodesFrom {
                    body = Array("MA".utf8) + (0..<6).map { _ in letters[random.int(in: 0...30)] }
                } else {
                    body = (0..<8).map { _ in UInt8(48 + random.int(in: 0...9)) }
                }
                body.append(OrganisationCode.checkCharacter(for: body))
                let first17 = Array("9\(entityType + 1)\(CityCatalogue.districts[districtIndex].code)".utf8) + body
                code = String(decoding: first17, as: UTF8.self) + String(CreditCode.checkCharacter(for: first17)!)
            } while !codes.insert(code).inserted
            let district = CityCatalogue.districts[districtIndex]
            let trade = random.element(CityCatalogue.tradeNames)
            let word = random.element(CityCatalogue.tradeWord(primary))
            let name: String
            switch entityType {
            case 0: name = "\(CityCatalogue.cityName)\(trade)\(word)有限公司"
            case 1: name = "\(district.name)\(trade)\(word)\(word.hasSuffix("店") || word.hasSuffix("馆") ? "" : "店")"
            default: name = "\(district.name)\(trade)农产品专业合作社"
            }
            profiles.append(EnterpriseProfile(code: code, entityType: entityType, domains: domains, districtIndex: districtIndex,
                                              registeredDay: registered, status: status, statusChangedDay: changed,
                                              production: production, latentRisk: latent, name: name, stream: UInt64(index)))
        }
        // Sorted by id: rows of every file come out in id order, and the ordinal embedded in
        // event ids follows the same order.
        profiles.sort { $0.code.utf8.lexicographicallyPrecedes($1.code.utf8) }
        return profiles
    }

    func enterpriseRow(_ profile: EnterpriseProfile) -> String {
        let district = CityCatalogue.districts[profile.districtIndex].code
        return [profile.code, profile.name, profile.domains.sorted().map(\.rawValue).joined(separator: ";"), district,
                Self.date(profile.registeredDay), profile.status.rawValue,
                profile.statusChangedDay.map(Self.date) ?? "", "WXAMR-" + district].joined(separator: ",")
    }

    // MARK: - Helpers

    static func date(_ day: Int) -> String { CivilDate(daysSinceEpoch: day).description }

    static func logistic(_ eta: Double) -> Double { 1 / (1 + exp(-eta)) }

    static func tierIndex(probability: Double) -> Int {
        cutPoints.firstIndex { probability < $0 } ?? cutPoints.count
    }

    /// `recorded_on`: a few days after the event, occasionally weeks; never after the extract
    /// date, and never after t for an event dated on or before t (so the features at t are the
    /// same with or without the back-test `recorded_on` filter).
    func recordedDay(after day: Int, random: inout SynthRandom) -> Int {
        var lag = 1 + random.poisson(3)
        if random.bernoulli(0.05) { lag = random.int(in: 10...60) }
        var recorded = day + lag
        if day <= referenceDay { recorded = min(recorded, referenceDay) }
        return min(recorded, extractDay)
    }

    /// First day of the calendar month containing `day`, and the number of days in it.
    static func month(of day: Int) -> (first: Int, length: Int, year: Int, month: Int) {
        let date = CivilDate(daysSinceEpoch: day)
        let first = CivilDate(year: date.year, month: date.month, day: 1)!
        return (first.daysSinceEpoch, CivilDate.daysInMonth(year: date.year, month: date.month), date.year, date.month)
    }
}
