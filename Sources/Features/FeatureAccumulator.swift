import Domain
import Foundation

/// Features, override facts and label of ONE enterprise, fed its events one by one in any
/// order: memory is constant per enterprise, so a store can stream events grouped by
/// enterprise without loading them all (DOMAIN.md §5, §2.3).
///
/// The computation lives in `FeatureCounts` (shared with `FeatureTableBuilder`, which keeps
/// one `FeatureCounts` per firm and the window once); this type adds the window, the firm and
/// its per-domain tallies for the one-firm-at-a-time path of `FeatureBuilder`.
public struct FeatureAccumulator: Sendable {
    public let profile: EnterpriseProfile
    public let window: FeatureWindow
    var counts = FeatureCounts()
    // Per-domain window totals (by the event's domain) for the priors.
    var domainSamplingTests = DomainTally()
    var domainSamplingFails = DomainTally()
    var domainInspections = DomainTally()
    var domainFindings = DomainTally()

    public init(enterprise: Enterprise, asOf: CivilDate, options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) {
        self.init(profile: EnterpriseProfile(enterprise), window: FeatureWindow(asOf: asOf, options: options, label: label))
    }

    public init(profile: EnterpriseProfile, window: FeatureWindow) {
        self.profile = profile
        self.window = window
    }

    public var asOf: CivilDate { window.asOf }

    /// Feeds one event of this enterprise.
    public mutating func add(_ event: Event) throws(FeaturesError) {
        let header = event.header
        guard header.enterpriseId == profile.id else {
            throw .eventForOtherEnterprise(expected: profile.id, got: header.enterpriseId, eventId: header.eventId)
        }
        add(EventFacts(event))
    }

    /// Feeds the facts of one event of this enterprise.
    public mutating func add(_ event: EventFacts) {
        counts.add(event, window)
        if let tally = FeatureCounts.domainTally(event, window) {
            domainSamplingTests[event.domain] += tally.tests
            domainSamplingFails[event.domain] += tally.fails
            domainInspections[event.domain] += tally.inspections
            domainFindings[event.domain] += tally.findings
        }
    }

    public var samplingTests: Int { Int(counts.samplingTests) }
    public var samplingFails: Int { Int(counts.samplingFails) }
    public var inspections: Int { Int(counts.inspections) }
    public var findings: Int { Int(counts.findings) }

    /// The label, or nil when the enterprise was not observed in the label window (or no label
    /// was requested).
    public var observationLabel: ObservationLabel? { counts.observationLabel(window, enterpriseId: profile.id) }

    public var overrideFacts: OverrideFacts { counts.overrideFacts(window, profile: profile) }

    /// The feature row in `FeatureName` order, the shrunk rates using `priors`.
    public func features(priors: FeaturePriors) -> [Double] {
        var row = [Double](repeating: 0, count: FeatureName.allCases.count)
        let domains = profile.domains
        row.withUnsafeMutableBufferPointer { buffer in
            counts.writeFeatures(into: buffer.baseAddress!, stride: 1, window, profile: profile,
                                 samplingPrior: priors.samplingPrior(for: domains), inspectionPrior: priors.inspectionPrior(for: domains))
        }
        return row
    }
}
