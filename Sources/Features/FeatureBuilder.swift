import Domain

/// Builds a `FeatureSet` from enterprises streamed in ascending id order, each with its own
/// events (any order). Memory is proportional to the number of enterprises, never to the
/// number of events: only one enterprise's accumulator is live at a time, and rows are kept
/// as raw counts so that the shrunk rates can use priors estimated from this same pass.
///
/// ```
/// var builder = try FeatureBuilder(asOf: t, options: options, label: labelOptions)
/// for (enterprise, events) in stream { try builder.add(enterprise: enterprise, events: events) }
/// let set = builder.featureSet(priors: builder.estimatedPriors)   // training
/// ```
public struct FeatureBuilder: Sendable {
    public let asOf: CivilDate
    public let options: FeatureOptions
    public let label: LabelOptions?

    // Rows are kept compact (measured need: 10⁶ firms at the province benchmark size): the
    // feature values row-major with the shrunk rates left at 0, plus the raw counts and the
    // domain set needed to shrink them once the priors are known. About 30 doubles per firm.
    private var rowValues: [Double] = []
    private var enterpriseIds: [CreditCode] = []
    private var shrinkage: [ShrinkageCounts] = []
    private var facts: [OverrideFacts] = []
    private var labels: [ObservationLabel?] = []
    private var inactive: [CreditCode] = []
    private var lastId: CreditCode?
    private var samplingTests = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var samplingFails = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var inspections = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var findings = [Int](repeating: 0, count: SupervisionDomain.allCases.count)

    /// What a row needs to recompute its shrunk rates under other priors.
    struct ShrinkageCounts: Sendable {
        let samplingTests: Int32
        let samplingFails: Int32
        let inspections: Int32
        let findings: Int32
        let domains: Set<SupervisionDomain>
    }

    /// Throws when a label is requested and t > data end − horizon (§5.2).
    public init(asOf: CivilDate, options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) throws(FeaturesError) {
        if let label, asOf > label.dataEnd.adding(months: -label.horizonMonths) {
            throw .labelWindowBeyondData(asOf: asOf, dataEnd: label.dataEnd, horizonMonths: label.horizonMonths)
        }
        self.asOf = asOf
        self.options = options
        self.label = label
    }

    /// An empty accumulator for `enterprise` with this builder's dates and options.
    public func makeAccumulator(for enterprise: Enterprise) -> FeatureAccumulator {
        FeatureAccumulator(enterprise: enterprise, asOf: asOf, options: options, label: label)
    }

    /// Adds one enterprise and all its events.
    public mutating func add(enterprise: Enterprise, events: some Sequence<Event>) throws(FeaturesError) {
        var accumulator = makeAccumulator(for: enterprise)
        for event in events { try accumulator.add(event) }
        try add(accumulator)
    }

    /// Adds a fed accumulator (the event-by-event path). Enterprises not yet registered at
    /// the as-of date are skipped; inactive ones are listed for `O_INACTIVE`.
    public mutating func add(_ accumulator: FeatureAccumulator) throws(FeaturesError) {
        let enterprise = accumulator.profile
        if let lastId, !(lastId < enterprise.id) { throw .enterprisesOutOfOrder(previous: lastId, next: enterprise.id) }
        lastId = enterprise.id
        guard enterprise.registeredOn <= asOf else { return }
        guard enterprise.isActive(on: asOf) else {
            inactive.append(enterprise.id)
            return
        }
        for (index, domain) in SupervisionDomain.allCases.enumerated() {
            samplingTests[index] += Int(accumulator.domainSamplingTests[domain])
            samplingFails[index] += Int(accumulator.domainSamplingFails[domain])
            inspections[index] += Int(accumulator.domainInspections[domain])
            findings[index] += Int(accumulator.domainFindings[domain])
        }
        enterpriseIds.append(enterprise.id)
        rowValues.append(contentsOf: accumulator.features(priors: FeatureBuilder.zeroPriors))
        shrinkage.append(ShrinkageCounts(samplingTests: Int32(clamping: accumulator.samplingTests), samplingFails: Int32(clamping: accumulator.samplingFails),
                                         inspections: Int32(clamping: accumulator.inspections), findings: Int32(clamping: accumulator.findings),
                                         domains: enterprise.domains))
        facts.append(accumulator.overrideFacts)
        if label != nil { labels.append(accumulator.observationLabel) }
    }

    static let zeroPriors = FeaturePriors(samplingFailRate: [:], inspectionFindingRate: [:])

    /// Priors m_d from the enterprises added so far (use for the training pass).
    public var estimatedPriors: FeaturePriors {
        FeaturePriors(samplingTests: samplingTests, samplingFails: samplingFails, inspections: inspections, findings: findings)
    }

    /// The column-major matrix and per-row facts and labels, shrunk rates using `priors`
    /// (the training priors stored with the model when scoring).
    public func featureSet(priors: FeaturePriors) -> FeatureSet {
        let rows = enterpriseIds.count
        let columns = FeatureName.allCases.count
        var values = [Double](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for c in 0..<columns { values[c * rows + r] = rowValues[r * columns + c] }
        }
        // The same formula as FeatureAccumulator.features(priors:), on the stored counts.
        let k = options.shrinkageStrength
        let failColumn = FeatureName.sampFailRateShrunk.index * rows
        let findingColumn = FeatureName.inspFindingRateShrunk.index * rows
        for (r, counts) in shrinkage.enumerated() {
            values[failColumn + r] = (Double(counts.samplingFails) + k * priors.samplingPrior(for: counts.domains)) / (Double(counts.samplingTests) + k)
            values[findingColumn + r] = (Double(counts.findings) + k * priors.inspectionPrior(for: counts.domains)) / (Double(counts.inspections) + k)
        }
        let matrix = FeatureMatrix(names: FeatureName.orderedNames, enterpriseIds: enterpriseIds, values: values)
        return FeatureSet(asOf: asOf, matrix: matrix, overrideFacts: facts, labels: labels, priors: priors, inactiveEnterpriseIds: inactive)
    }
}
