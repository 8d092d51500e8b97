import Domain

/// Counts describing a generated city, for its README and for checks.
public struct CitySummary: Sendable {
    public let spec: CitySpec
    public let model: LatentModel
    public internal(set) var enterpriseCount = 0
    public internal(set) var inspectorCount = 0
    public internal(set) var conflictCount = 0
    /// Enterprises holding each domain (a multi-domain firm counts in each).
    public internal(set) var enterprisesByDomain: [SupervisionDomain: Int] = [:]
    public internal(set) var enterprisesByPrimaryDomain: [SupervisionDomain: Int] = [:]
    public internal(set) var enterprisesByDistrict: [String: Int] = [:]
    public internal(set) var enterprisesByStatus: [RegistrationStatus: Int] = [:]
    public internal(set) var enterprisesByEntityType: [EntityType: Int] = [:]
    /// Rows per file kind and calendar year of the event's date.
    public internal(set) var eventsByKindAndYear: [CityFile: [Int: Int]] = [:]
    /// Active on the reference date (the latent model's population).
    public internal(set) var eligibleCount = 0
    public internal(set) var observedCount = 0
    public internal(set) var labelCount = 0
    public internal(set) var randomArmCount = 0
    public internal(set) var randomArmLabelCount = 0
    /// Σ p and Σ p(1 − p) over observed firms: the expected label count and its variance.
    public internal(set) var observedProbabilitySum = 0.0
    public internal(set) var observedProbabilityVariance = 0.0
    /// Tier (A–D) of the bureau's noisy estimate among eligible firms.
    public internal(set) var eligibleByTier = [0, 0, 0, 0]
    /// Mean of each feature (`LatentModel.termNames` without the intercept) over observed firms.
    public internal(set) var observedFeatureSums: [Double] = Array(repeating: 0, count: LatentModel.termNames.count - 1)

    init(spec: CitySpec, model: LatentModel) {
        self.spec = spec
        self.model = model
    }

    mutating func record(_ profile: EnterpriseProfile, history: EnterpriseHistory, outcome: OutcomeRecord?) {
        enterpriseCount += 1
        for domain in profile.domains { enterprisesByDomain[domain, default: 0] += 1 }
        enterprisesByPrimaryDomain[profile.primaryDomain, default: 0] += 1
        enterprisesByDistrict[CityCatalogue.districts[profile.districtIndex].code, default: 0] += 1
        enterprisesByStatus[profile.status, default: 0] += 1
        enterprisesByEntityType[[EntityType.enterprise, .individualBusiness, .farmersCooperative][profile.entityType], default: 0] += 1
        func count(_ file: CityFile, _ days: [Int]) {
            for day in days { eventsByKindAndYear[file, default: [:]][CivilDate(daysSinceEpoch: day).year, default: 0] += 1 }
        }
        count(.licences, history.licences.map(\.day))
        count(.penalties, history.penalties.map(\.day))
        count(.samplingTests, history.samplingTests.map(\.day))
        count(.inspections, history.inspections.map(\.day))
        count(.complaints, history.complaints.map(\.day))
        count(.listEntries, history.listEntries.map(\.day))
        guard let outcome else { return }
        eligibleCount += 1
        eligibleByTier[outcome.tier] += 1
        guard outcome.observed else { return }
        observedCount += 1
        observedProbabilitySum += outcome.probability
        observedProbabilityVariance += outcome.probability * (1 - outcome.probability)
        for (index, value) in outcome.features.enumerated() { observedFeatureSums[index] += value }
        if outcome.label { labelCount += 1 }
        if outcome.randomDraw {
            randomArmCount += 1
            if outcome.label { randomArmLabelCount += 1 }
        }
    }

    /// Share of observed firms with y = 1.
    public var eventRate: Double { observedCount == 0 ? 0 : Double(labelCount) / Double(observedCount) }

    /// A Markdown report of the counts (the bundled city's README embeds it).
    public var markdown: String {
        var lines: [String] = []
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format1: 100 * Double(part) / Double(whole)) + " %"
        }
        lines.append("| quantity | value |")
        lines.append("|---|---|")
        lines.append("| enterprises | \(enterpriseCount) |")
        lines.append("| inspectors | \(inspectorCount) |")
        lines.append("| declared conflicts | \(conflictCount) |")
        lines.append("| reference as-of date t | \(spec.referenceDate) |")
        lines.append("| extract date (= t + 12 months) | \(spec.extractDate) |")
        lines.append("| active on t (model population) | \(eligibleCount) |")
        lines.append("| observed in (t, t + 12 months] | \(observedCount) (\(percent(observedCount, eligibleCount)) of active) |")
        lines.append("| label events (y = 1) among observed | \(labelCount) (event rate \(percent(labelCount, observedCount))) |")
        lines.append("| expected y = 1 under the true model (Σ p) | \(String(format1: observedProbabilitySum)) ± \(String(format1: observedProbabilityVariance.squareRoot())) (1 sd) |")
        lines.append("| random arm (random_draw in the window) | \(randomArmCount) firms, \(randomArmLabelCount) with y = 1 (\(percent(randomArmLabelCount, randomArmCount))) |")
        let tiers = zip(["A", "B", "C", "D"], eligibleByTier).map { "\($0) \(percent($1, eligibleCount))" }.joined(separator: ", ")
        lines.append("| tier shares of the bureau's noisy estimate (active on t) | \(tiers) |")
        lines.append("")
        lines.append("Mean features over observed firms: " + zip(LatentModel.termNames.dropFirst(), observedFeatureSums)
            .map { "`\($0)` \(String(format3: observedCount == 0 ? 0 : $1 / Double(observedCount)))" }.joined(separator: ", ") + ".")
        lines.append("")
        lines.append("| domain | enterprises holding it | primary domain |")
        lines.append("|---|---|---|")
        for domain in CityCatalogue.domains {
            lines.append("| \(domain.rawValue) | \(enterprisesByDomain[domain, default: 0]) | \(enterprisesByPrimaryDomain[domain, default: 0]) |")
        }
        lines.append("")
        lines.append("| district | name | enterprises |")
        lines.append("|---|---|---|")
        for district in CityCatalogue.districts {
            lines.append("| \(district.code) | \(district.name) | \(enterprisesByDistrict[district.code, default: 0]) |")
        }
        lines.append("")
        lines.append("| status | enterprises |")
        lines.append("|---|---|")
        for status in RegistrationStatus.allCases { lines.append("| \(status.rawValue) | \(enterprisesByStatus[status, default: 0]) |") }
        lines.append("")
        lines.append("| entity type | enterprises |")
        lines.append("|---|---|")
        for type in [EntityType.enterprise, .individualBusiness, .farmersCooperative] {
            lines.append("| \(type.rawValue) | \(enterprisesByEntityType[type, default: 0]) |")
        }
        lines.append("")
        let years = Set(eventsByKindAndYear.values.flatMap(\.keys)).sorted()
        lines.append("| rows by year of the event date | " + years.map(String.init).joined(separator: " | ") + " | total |")
        lines.append("|---|" + years.map { _ in "---|" }.joined() + "---|")
        for file in [CityFile.licences, .penalties, .samplingTests, .inspections, .complaints, .listEntries] {
            let counts = eventsByKindAndYear[file, default: [:]]
            lines.append("| \(file.fileName) | " + years.map { String(counts[$0, default: 0]) }.joined(separator: " | ")
                + " | \(counts.values.reduce(0, +)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    /// Fixed-point with one decimal, without Foundation's locale-dependent formatting.
    init(format1 value: Double) { self = String.fixed(value, decimals: 1) }
    init(format3 value: Double) { self = String.fixed(value, decimals: 3) }

    static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale)
        var fraction = String(scaled % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return (value < 0 && scaled != 0 ? "-" : "") + "\(whole)" + (decimals > 0 ? ".\(fraction)" : "")
    }
}
