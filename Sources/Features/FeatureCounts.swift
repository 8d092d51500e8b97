import Domain
import Foundation

/// The running counts of ONE enterprise's features, override facts and label, fed its events
/// one by one in any order (DOMAIN.md §5, §2.3). The dates and options live in the pass's
/// `FeatureWindow`; what is here is per enterprise and small (about 100 bytes: counters are
/// Int32, dates are day numbers), because a whole city's counts are live at once.
struct FeatureCounts: Sendable {
    static let noDay = Int32.min

    var penaltyCount12: Int32 = 0
    var penaltyCount36: Int32 = 0
    var penaltySeverityDecay = 0.0
    var fineFen36 = 0
    var lastPenaltyDay = noDay
    var samplingTests: Int32 = 0
    var samplingFails: Int32 = 0
    var inspections: Int32 = 0
    var seriousInspections: Int32 = 0
    var findings: Int32 = 0
    var lastInspectionDay = noDay
    var complaintsSubstantiated12: Int32 = 0
    var complaints12: Int32 = 0
    var abnormalSpells: Int32 = 0
    var seriousExited: Int32 = 0
    var historyEvents: Int32 = 0
    var safetyFail = false
    var abnormalNow = false
    var seriousNow = false
    var licenceLapsed = false
    var heavyPenalty12 = false
    // Label window.
    var observed = false
    var positive = false
    var earliestDrawDay = noDay
    var earliestDrawId: String?

    /// Feeds one event. Events after t go to the label window only; the `recorded_on` filter
    /// applies to feature events (a label is what eventually happened). The domain priors'
    /// tallies are `domainTally(_:_:)`'s job. Every count is order-free except the decay sum,
    /// whose last bit can depend on the order events arrive in (a store always streams them in
    /// the same order, so a run is reproducible).
    @inline(__always)
    mutating func add(_ event: EventFacts, _ window: FeatureWindow) {
        let date = event.date
        if date > window.asOf {
            addToLabel(event, window)
            return
        }
        if window.options.respectRecordedOn, (event.recordedOn ?? date) > window.asOf { return }
        switch event.detail {
        case let .penalty(severity, heavy, _, fineFen, publicityEndedOn):
            historyEvents += 1
            if heavy, window.inShortWindow(date) { heavyPenalty12 = true }
            if window.options.repairClearsFeatures, let ended = publicityEndedOn, ended <= window.asOf { return }
            lastPenaltyDay = max(lastPenaltyDay, Int32(date.daysSinceEpoch))
            guard window.inLongWindow(date) else { return }
            penaltyCount36 += 1
            if window.inShortWindow(date) { penaltyCount12 += 1 }
            let weight: Double
            switch severity {
            case 1: weight = 0.5
            case 2: weight = 1
            default: weight = 3
            }
            penaltySeverityDecay += weight * pow(0.5, Double(date.days(until: window.asOf)) / 365)
            fineFen36 += fineFen
        case let .samplingTest(isFinal, failed, safety):
            historyEvents += 1
            // Non-final results (retest or objection open) are ignored by features and labels.
            guard isFinal, window.inLongWindow(date) else { return }
            samplingTests += 1
            if failed {
                samplingFails += 1
                if safety { safetyFail = true }
            }
        case let .inspection(count, serious, _):
            historyEvents += 1
            lastInspectionDay = max(lastInspectionDay, Int32(date.daysSinceEpoch))
            guard window.inLongWindow(date) else { return }
            inspections += 1
            findings += Int32(clamping: count)
            if serious { seriousInspections += 1 }
        case let .complaint(substantiated):
            historyEvents += 1
            guard window.inShortWindow(date) else { return }
            complaints12 += 1
            if substantiated { complaintsSubstantiated12 += 1 }
        case let .listEntry(list, exitedOn):
            historyEvents += 1
            let activeNow = date <= window.asOf && (exitedOn.map { window.asOf < $0 } ?? true)
            switch list {
            case .abnormalOperation:
                if activeNow { abnormalNow = true }
                // A spell counts when it was on the list on some day of the window.
                if exitedOn.map({ $0 > window.start36.adding(days: 1) }) ?? true { abnormalSpells += 1 }
            case .seriousDishonesty:
                if activeNow { seriousNow = true }
                if let exited = exitedOn, window.inLongWindow(exited) { seriousExited += 1 }
            }
        case let .licence(lapsedOn):
            if let changed = lapsedOn, window.inLongWindow(changed) { licenceLapsed = true }
        }
    }

    /// The per-domain 36-month tallies this event adds to the domain priors: (sampling test,
    /// sampling fail, inspection, findings). Zero for anything else or outside the window.
    @inline(__always)
    static func domainTally(_ event: EventFacts, _ window: FeatureWindow) -> (tests: Int32, fails: Int32, inspections: Int32, findings: Int32)? {
        let date = event.date
        guard date <= window.asOf, window.inLongWindow(date) else { return nil }
        if window.options.respectRecordedOn, (event.recordedOn ?? date) > window.asOf { return nil }
        switch event.detail {
        case let .samplingTest(isFinal, failed, _):
            return isFinal ? (1, failed ? 1 : 0, 0, 0) : nil
        case let .inspection(count, _, _):
            return (0, 0, 1, Int32(clamping: count))
        default:
            return nil
        }
    }

    mutating func addToLabel(_ event: EventFacts, _ window: FeatureWindow) {
        guard window.inLabelWindow(event.date) else { return }
        switch event.detail {
        case let .penalty(severity, _, ordinary, _, _):
            if ordinary, severity >= 2 { positive = true }
        case let .inspection(_, serious, drawId):
            observed = true
            if serious { positive = true }
            if let drawId {
                let day = Int32(event.date.daysSinceEpoch)
                if earliestDrawDay == FeatureCounts.noDay || (day, drawId) < (earliestDrawDay, earliestDrawId ?? "") {
                    earliestDrawDay = day
                    earliestDrawId = drawId
                }
            }
        case let .samplingTest(isFinal, _, safety):
            guard isFinal else { return }
            observed = true
            if safety { positive = true }
        case let .listEntry(list, _):
            if list == .seriousDishonesty { positive = true }
        case .complaint, .licence:
            break
        }
    }

    /// The label, or nil when the enterprise was not observed in the label window (or no label
    /// was requested).
    func observationLabel(_ window: FeatureWindow, enterpriseId: CreditCode) -> ObservationLabel? {
        guard let label = window.label, observed else { return nil }
        let probability = earliestDrawId.map { label.inclusionProbability(drawId: $0, enterpriseId: enterpriseId) }
        return ObservationLabel(outcome: positive, isRandomDraw: earliestDrawId != nil, inclusionProbability: probability)
    }

    func overrideFacts(_ window: FeatureWindow, profile: EnterpriseProfile) -> OverrideFacts {
        OverrideFacts(onSeriousList: seriousNow, onAbnormalList: abnormalNow, heavyPenaltyLast12Months: heavyPenalty12,
                      ageDays: profile.ageDays(on: window.asOf), historyEventCount: Int(historyEvents))
    }

    /// Writes the feature row in `FeatureName` order into `row[0..<FeatureName.count]` at
    /// stride `stride` (1 for a row buffer, the row count for a column-major matrix), the
    /// shrunk rates from the priors of the firm's domains.
    func writeFeatures(into row: UnsafeMutablePointer<Double>, stride: Int, _ window: FeatureWindow, profile: EnterpriseProfile,
                       samplingPrior: Double, inspectionPrior: Double) {
        @inline(__always) func set(_ name: FeatureName, _ value: Double) { row[name.index * stride] = value }
        @inline(__always) func flag(_ value: Bool) -> Double { value ? 1 : 0 }
        let asOf = window.asOf
        let asOfDay = asOf.daysSinceEpoch
        let k = window.options.shrinkageStrength
        set(.penCount12m, Double(penaltyCount12))
        set(.penCount36m, Double(penaltyCount36))
        set(.penSeverityDecay36m, penaltySeverityDecay)
        set(.penFineLog36m, log1p(Double(fineFen36) / 100_000)) // fen → thousands of CNY
        let sincePenalty = lastPenaltyDay == FeatureCounts.noDay ? FeatureOptions.daysSincePenaltyCap : asOfDay - Int(lastPenaltyDay)
        set(.daysSincePenalty, Double(min(sincePenalty, FeatureOptions.daysSincePenaltyCap)))
        set(.neverPenalised, flag(lastPenaltyDay == FeatureCounts.noDay))
        set(.sampTests36m, Double(samplingTests))
        set(.sampFail36m, Double(samplingFails))
        set(.sampFailRateShrunk, (Double(samplingFails) + k * samplingPrior) / (Double(samplingTests) + k))
        set(.sampSafetyFail36m, flag(safetyFail))
        set(.inspCount36m, Double(inspections))
        set(.inspSerious36m, Double(seriousInspections))
        set(.inspFindingRateShrunk, (Double(findings) + k * inspectionPrior) / (Double(inspections) + k))
        set(.complaintsSubstantiated12m, Double(complaintsSubstantiated12))
        set(.complaintsLog12m, log1p(Double(complaints12)))
        set(.abnormalNow, flag(abnormalNow))
        set(.abnormalSpells36m, Double(abnormalSpells))
        set(.seriousExited36m, Double(seriousExited))
        let ageDays = max(0, profile.ageDays(on: asOf))
        set(.ageLogYears, log1p(Double(ageDays) / 365.25))
        set(.isNew, flag(ageDays < 365))
        set(.domainDrug, flag(profile.contains(.drug)))
        set(.domainMedicalDevice, flag(profile.contains(.medicalDevice)))
        set(.domainCosmetic, flag(profile.contains(.cosmetic)))
        set(.domainSpecialEquipment, flag(profile.contains(.specialEquipment)))
        set(.domainIndustrialProduct, flag(profile.contains(.industrialProduct)))
        let type = profile.entityType
        set(.entityTypeIndividualBusiness, flag(type == .individualBusiness))
        set(.entityTypeFarmersCooperative, flag(type == .farmersCooperative))
        set(.entityTypeOther, flag(type == .other))
        set(.licenceLapsed36m, flag(licenceLapsed))
        let sinceInspected = lastInspectionDay == FeatureCounts.noDay
            ? FeatureOptions.monthsSinceInspectedCap : window.wholeMonths(from: CivilDate(daysSinceEpoch: Int(lastInspectionDay)))
        set(.monthsSinceInspected, Double(min(sinceInspected, FeatureOptions.monthsSinceInspectedCap)))
    }
}
