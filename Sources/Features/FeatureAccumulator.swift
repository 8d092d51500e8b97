import Domain
import Foundation

/// Features, override facts and label of ONE enterprise, fed its events one by one in any
/// order: memory is constant per enterprise, so a store can stream events grouped by
/// enterprise without loading them all (DOMAIN.md §5, §2.3).
///
/// Windows are (t − m months, t] in calendar months with the day clamped to month end
/// (`CivilDate.adding(months:)`): an event exactly at t − m months is outside, one at t inside.
public struct FeatureAccumulator: Sendable {
    public let enterprise: Enterprise
    public let asOf: CivilDate
    public let options: FeatureOptions
    let label: LabelOptions?

    // Exclusive window starts and the label window end.
    let start12: CivilDate
    let start36: CivilDate
    let labelEnd: CivilDate?

    var penaltyCount12 = 0
    var penaltyCount36 = 0
    var penaltySeverityDecay = 0.0
    var fineFen36 = 0
    var lastPenalty: CivilDate?
    var samplingTests = 0
    var samplingFails = 0
    var safetyFail = false
    var inspections = 0
    var seriousInspections = 0
    var findings = 0
    var lastInspection: CivilDate?
    var complaintsSubstantiated12 = 0
    var complaints12 = 0
    var abnormalNow = false
    var abnormalSpells = 0
    var seriousExited = 0
    var seriousNow = false
    var licenceLapsed = false
    var heavyPenalty12 = false
    var historyEvents = 0
    // Per-domain window totals (by the event's domain) for the priors.
    var domainSamplingTests = DomainTally()
    var domainSamplingFails = DomainTally()
    var domainInspections = DomainTally()
    var domainFindings = DomainTally()
    // Label window.
    var observed = false
    var positive = false
    var earliestDraw: (date: CivilDate, drawId: String)?

    public init(enterprise: Enterprise, asOf: CivilDate, options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) {
        self.enterprise = enterprise
        self.asOf = asOf
        self.options = options
        self.label = label
        self.start12 = asOf.adding(months: -FeatureOptions.shortWindowMonths)
        self.start36 = asOf.adding(months: -FeatureOptions.longWindowMonths)
        self.labelEnd = label.map { asOf.adding(months: $0.horizonMonths) }
    }

    @inline(__always) func inLongWindow(_ date: CivilDate) -> Bool { start36 < date && date <= asOf }
    @inline(__always) func inShortWindow(_ date: CivilDate) -> Bool { start12 < date && date <= asOf }
    @inline(__always) func inLabelWindow(_ date: CivilDate) -> Bool {
        guard let labelEnd else { return false }
        return asOf < date && date <= labelEnd
    }

    /// Feeds one event of this enterprise. Events after t go to the label window only; the
    /// `recorded_on` filter applies to feature events (a label is what eventually happened).
    public mutating func add(_ event: Event) throws(FeaturesError) {
        let header = event.header
        guard header.enterpriseId == enterprise.id else {
            throw .eventForOtherEnterprise(expected: enterprise.id, got: header.enterpriseId, eventId: header.eventId)
        }
        let date = event.date
        if date > asOf {
            addToLabel(event)
            return
        }
        if options.respectRecordedOn, (header.recordedOn ?? date) > asOf { return }
        switch event {
        case let .penalty(penalty): addPenalty(penalty)
        case let .samplingTest(test): addSamplingTest(test)
        case let .inspection(inspection): addInspection(inspection)
        case let .complaint(complaint): addComplaint(complaint)
        case let .listEntry(entry): addListEntry(entry)
        case let .licence(licence): addLicence(licence)
        }
    }

    mutating func addPenalty(_ penalty: Penalty) {
        historyEvents += 1
        let date = penalty.decidedOn
        if penalty.heavy, inShortWindow(date) { heavyPenalty12 = true }
        if options.repairClearsFeatures, let ended = penalty.publicityEndedOn, ended <= asOf { return }
        lastPenalty = max(lastPenalty ?? date, date)
        guard inLongWindow(date) else { return }
        penaltyCount36 += 1
        if inShortWindow(date) { penaltyCount12 += 1 }
        let weight: Double
        switch penalty.severity {
        case 1: weight = 0.5
        case 2: weight = 1
        default: weight = 3
        }
        penaltySeverityDecay += weight * pow(0.5, Double(date.days(until: asOf)) / 365)
        fineFen36 += penalty.fineFen
    }

    mutating func addSamplingTest(_ test: SamplingTest) {
        historyEvents += 1
        // Non-final results (retest or objection open) are ignored by features and labels.
        guard test.isFinal, inLongWindow(test.sampledOn) else { return }
        let domain = test.header.domain
        samplingTests += 1
        domainSamplingTests[domain] += 1
        if test.result == .fail {
            samplingFails += 1
            domainSamplingFails[domain] += 1
            if test.failClass == .safety { safetyFail = true }
        }
    }

    mutating func addInspection(_ inspection: Inspection) {
        historyEvents += 1
        let date = inspection.inspectedOn
        lastInspection = max(lastInspection ?? date, date)
        guard inLongWindow(date) else { return }
        let domain = inspection.header.domain
        inspections += 1
        findings += inspection.findingsCount
        domainInspections[domain] += 1
        domainFindings[domain] += Int32(clamping: inspection.findingsCount)
        if inspection.maxSeverity == .serious { seriousInspections += 1 }
    }

    mutating func addComplaint(_ complaint: Complaint) {
        historyEvents += 1
        guard inShortWindow(complaint.receivedOn) else { return }
        complaints12 += 1
        if complaint.substantiated == .yes { complaintsSubstantiated12 += 1 }
    }

    mutating func addListEntry(_ entry: ListEntry) {
        historyEvents += 1
        switch entry.list {
        case .abnormalOperation:
            if entry.isActive(on: asOf) { abnormalNow = true }
            // A spell counts when it was on the list on some day of the window.
            if entry.exitedOn.map({ $0 > start36.adding(days: 1) }) ?? true { abnormalSpells += 1 }
        case .seriousDishonesty:
            if entry.isActive(on: asOf) { seriousNow = true }
            if let exited = entry.exitedOn, inLongWindow(exited) { seriousExited += 1 }
        }
    }

    mutating func addLicence(_ licence: Licence) {
        guard licence.status == .revoked || licence.status == .expired, let changed = licence.statusChangedOn else { return }
        if inLongWindow(changed) { licenceLapsed = true }
    }

    mutating func addToLabel(_ event: Event) {
        guard inLabelWindow(event.date) else { return }
        switch event {
        case let .penalty(penalty):
            if penalty.procedure == .ordinary, penalty.severity >= 2 { positive = true }
        case let .inspection(inspection):
            observed = true
            if inspection.maxSeverity == .serious { positive = true }
            if inspection.origin == .randomDraw, let drawId = inspection.drawId {
                if earliestDraw.map({ (inspection.inspectedOn, drawId) < ($0.date, $0.drawId) }) ?? true {
                    earliestDraw = (inspection.inspectedOn, drawId)
                }
            }
        case let .samplingTest(test):
            guard test.isFinal else { return }
            observed = true
            if test.result == .fail, test.failClass == .safety { positive = true }
        case let .listEntry(entry):
            if entry.list == .seriousDishonesty { positive = true }
        case .complaint, .licence:
            break
        }
    }

    /// The label, or nil when the enterprise was not observed in the label window (or no label
    /// was requested).
    public var observationLabel: ObservationLabel? {
        guard let label, observed else { return nil }
        let probability = earliestDraw.map { label.inclusionProbability(drawId: $0.drawId, enterpriseId: enterprise.id) }
        return ObservationLabel(outcome: positive, isRandomDraw: earliestDraw != nil, inclusionProbability: probability)
    }

    public var overrideFacts: OverrideFacts {
        OverrideFacts(onSeriousList: seriousNow, onAbnormalList: abnormalNow, heavyPenaltyLast12Months: heavyPenalty12,
                      ageDays: enterprise.registeredOn.days(until: asOf), historyEventCount: historyEvents)
    }

    /// Whole calendar months from `from` to `asOf` (largest n with from + n months ≤ asOf).
    func wholeMonths(from: CivilDate) -> Int {
        var months = (asOf.year - from.year) * 12 + (asOf.month - from.month)
        if months > 0, from.adding(months: months) > asOf { months -= 1 }
        return max(0, months)
    }

    /// The feature row in `FeatureName` order, the shrunk rates using `priors`.
    public func features(priors: FeaturePriors) -> [Double] {
        var row = [Double](repeating: 0, count: FeatureName.allCases.count)
        func set(_ name: FeatureName, _ value: Double) { row[name.index] = value }
        func flag(_ value: Bool) -> Double { value ? 1 : 0 }
        let k = options.shrinkageStrength
        set(.penCount12m, Double(penaltyCount12))
        set(.penCount36m, Double(penaltyCount36))
        set(.penSeverityDecay36m, penaltySeverityDecay)
        set(.penFineLog36m, log1p(Double(fineFen36) / 100_000)) // fen → thousands of CNY
        set(.daysSincePenalty, Double(min(lastPenalty.map { $0.days(until: asOf) } ?? FeatureOptions.daysSincePenaltyCap,
                                          FeatureOptions.daysSincePenaltyCap)))
        set(.neverPenalised, flag(lastPenalty == nil))
        set(.sampTests36m, Double(samplingTests))
        set(.sampFail36m, Double(samplingFails))
        set(.sampFailRateShrunk, (Double(samplingFails) + k * priors.samplingPrior(for: enterprise.domains)) / (Double(samplingTests) + k))
        set(.sampSafetyFail36m, flag(safetyFail))
        set(.inspCount36m, Double(inspections))
        set(.inspSerious36m, Double(seriousInspections))
        set(.inspFindingRateShrunk, (Double(findings) + k * priors.inspectionPrior(for: enterprise.domains)) / (Double(inspections) + k))
        set(.complaintsSubstantiated12m, Double(complaintsSubstantiated12))
        set(.complaintsLog12m, log1p(Double(complaints12)))
        set(.abnormalNow, flag(abnormalNow))
        set(.abnormalSpells36m, Double(abnormalSpells))
        set(.seriousExited36m, Double(seriousExited))
        let ageDays = max(0, enterprise.registeredOn.days(until: asOf))
        set(.ageLogYears, log1p(Double(ageDays) / 365.25))
        set(.isNew, flag(ageDays < 365))
        let domains = enterprise.domains
        set(.domainDrug, flag(domains.contains(.drug)))
        set(.domainMedicalDevice, flag(domains.contains(.medicalDevice)))
        set(.domainCosmetic, flag(domains.contains(.cosmetic)))
        set(.domainSpecialEquipment, flag(domains.contains(.specialEquipment)))
        set(.domainIndustrialProduct, flag(domains.contains(.industrialProduct)))
        let type = enterprise.entityType
        set(.entityTypeIndividualBusiness, flag(type == .individualBusiness))
        set(.entityTypeFarmersCooperative, flag(type == .farmersCooperative))
        set(.entityTypeOther, flag(type == .other))
        set(.licenceLapsed36m, flag(licenceLapsed))
        set(.monthsSinceInspected, Double(min(lastInspection.map(wholeMonths(from:)) ?? FeatureOptions.monthsSinceInspectedCap,
                                              FeatureOptions.monthsSinceInspectedCap)))
        return row
    }
}
