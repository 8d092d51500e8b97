import Domain

/// The whole-city feature pass for stores that stream events one table at a time, in any
/// order (all penalties, then all inspections, …): one small `FeatureCounts` per enterprise
/// is live, events are routed to it by id, and the rows come out in id order. Memory is
/// proportional to enterprises, not events.
///
/// Routing compares ids (`CreditCode`, held as integers): the last enterprise first (a firm's
/// events often come together), then a few after it (`nearbyPosition`), else a hash table of
/// the ids (`EnterpriseKeyTable`). The per-domain tallies of the priors
/// are summed as events arrive, for the enterprises that get a row.
public struct FeatureTableBuilder: Sendable {
    public let window: FeatureWindow
    private let profiles: [EnterpriseProfile]
    /// The profiles' ids, contiguous (routing reads them, not the wider profiles).
    private let keys: [CreditCode]
    private let keyTable: EnterpriseKeyTable
    private var counts: [FeatureCounts]
    /// Registered and active on the as-of date: gets a feature row.
    private let hasRow: [Bool]
    private var lastIndex = 0
    private var samplingTests = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var samplingFails = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var inspections = [Int](repeating: 0, count: SupervisionDomain.allCases.count)
    private var findings = [Int](repeating: 0, count: SupervisionDomain.allCases.count)

    public var asOf: CivilDate { window.asOf }

    /// `enterprises` must be in strictly ascending id order (as the store returns them).
    public init(asOf: CivilDate, enterprises: [Enterprise], options: FeatureOptions = FeatureOptions(), label: LabelOptions? = nil) throws(FeaturesError) {
        try self.init(window: FeatureWindow(asOf: asOf, options: options, label: label), profiles: enterprises.map(EnterpriseProfile.init))
    }

    /// `profiles` must be in strictly ascending id order (as the store returns them).
    public init(window: FeatureWindow, profiles: [EnterpriseProfile]) throws(FeaturesError) {
        if let label = window.label, window.asOf > label.dataEnd.adding(months: -label.horizonMonths) {
            throw .labelWindowBeyondData(asOf: window.asOf, dataEnd: label.dataEnd, horizonMonths: label.horizonMonths)
        }
        var keys: [CreditCode] = []
        keys.reserveCapacity(profiles.count)
        for (index, profile) in profiles.enumerated() {
            if index > 0, !(profiles[index - 1].id < profile.id) {
                throw .enterprisesOutOfOrder(previous: profiles[index - 1].id, next: profile.id)
            }
            // Stored codes are 18 ASCII characters; anything else cannot be routed by key.
            guard profile.id.utf8Count == 18 else { throw .unknownEnterprise(profile.id, eventId: "") }
            keys.append(profile.id)
        }
        self.window = window
        self.profiles = profiles
        self.keys = keys
        self.keyTable = EnterpriseKeyTable(keys)
        self.counts = [FeatureCounts](repeating: FeatureCounts(), count: profiles.count)
        self.hasRow = profiles.map { $0.isActive(on: window.asOf) }
    }

    /// Routes one event to its enterprise.
    public mutating func add(_ event: Event) throws(FeaturesError) {
        let id = event.header.enterpriseId
        var value = id.value
        let routed = value.withUTF8 { add(EventFacts(event), enterpriseId: UnsafeRawBufferPointer($0)) }
        guard routed else { throw .unknownEnterprise(id, eventId: event.header.eventId) }
    }

    /// Routes the facts of one event to the enterprise whose 18-byte id is `enterpriseId`;
    /// false when no such enterprise is listed.
    @inline(__always)
    public mutating func add(_ event: EventFacts, enterpriseId: UnsafeRawBufferPointer) -> Bool {
        guard enterpriseId.count == 18 else { return false }
        let key = CreditCode(uncheckedUTF8: enterpriseId)
        if lastIndex >= keys.count || keys[lastIndex] != key {
            guard let position = nearbyPosition(of: key) ?? keyTable.position(of: key, in: keys) else { return false }
            lastIndex = position
        }
        counts[lastIndex].add(event, window)
        if hasRow[lastIndex], let tally = FeatureCounts.domainTally(event, window) {
            let domain = SupervisionDomain.index(event.domain)
            samplingTests[domain] += Int(tally.tests)
            samplingFails[domain] += Int(tally.fails)
            inspections[domain] += Int(tally.inspections)
            findings[domain] += Int(tally.findings)
        }
        return true
    }

    /// The position of `key` a little after the previous event's enterprise, found by
    /// galloping forward through the sorted keys (1, 2, 4, … up to `gallopLimit` positions, then
    /// a binary search of the last step), or nil: the key is before it, further on, or absent.
    /// An export in enterprise order (the synthetic city's, the stores it was imported into)
    /// then never touches the hash table, whose slot load — a cache miss into 16 MiB at 10⁶
    /// firms — was 74 % of this function's samples and ≈ 45 % of the decoding thread's time in
    /// the scan (perf annotate); events in another order still go to `keyTable`.
    @inline(__always)
    private func nearbyPosition(of key: CreditCode) -> Int? {
        keys.withUnsafeBufferPointer { keys -> Int? in
            let start = lastIndex
            guard start < keys.count, keys[start] < key else { return nil }
            var low = start, step = 1
            // keys[low] < key throughout.
            while step <= Self.gallopLimit {
                let probe = start + step
                guard probe < keys.count else { break }
                if keys[probe] == key { return probe }
                if key < keys[probe] { return Self.binarySearch(key, in: keys, after: low, before: probe) }
                low = probe
                step *= 2
            }
            return step > Self.gallopLimit ? nil : Self.binarySearch(key, in: keys, after: low, before: keys.count)
        }
    }

    /// How far `nearbyPosition` gallops before it leaves the key to the hash table.
    static let gallopLimit = 64

    /// `key`'s position strictly between `after` and `before` (keys[after] < key < keys[before]), or nil.
    @inline(__always)
    private static func binarySearch(_ key: CreditCode, in keys: UnsafeBufferPointer<CreditCode>, after: Int, before: Int) -> Int? {
        var low = after + 1, high = before
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < before && keys[low] == key ? low : nil
    }

    /// Priors m_d from the enterprises with a row (use for the training pass).
    public var estimatedPriors: FeaturePriors {
        FeaturePriors(samplingTests: samplingTests, samplingFails: samplingFails, inspections: inspections, findings: findings)
    }

    /// Number of enterprises with a feature row.
    public var rowCount: Int { hasRow.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Every stored enterprise: at least as many as `forEachEnterprise` calls its body for.
    public var enterpriseCount: Int { profiles.count }

    /// Registered on or before the as-of date but inactive on it (`O_INACTIVE`), ascending.
    public var inactiveEnterpriseIds: [CreditCode] {
        profiles.indices.compactMap { !hasRow[$0] && profiles[$0].isRegistered(on: window.asOf) ? profiles[$0].id : nil }
    }

    /// Calls `body` once per enterprise registered on or before the as-of date, in id order:
    /// with its row (in `FeatureName` order, valid during the call only) and override facts
    /// when it is active, with nil when it is inactive (`O_INACTIVE`). Scoring needs no matrix.
    public func forEachEnterprise(priors: FeaturePriors,
                                  _ body: (_ id: CreditCode, _ row: UnsafeBufferPointer<Double>?, _ facts: OverrideFacts?) throws -> Void) rethrows {
        let table = PriorTable(priors)
        var row = [Double](repeating: 0, count: FeatureName.allCases.count)
        try row.withUnsafeMutableBufferPointer { buffer in
            for index in profiles.indices {
                let profile = profiles[index]
                guard hasRow[index] else {
                    if profile.isRegistered(on: window.asOf) { try body(profile.id, nil, nil) }
                    continue
                }
                counts[index].writeFeatures(into: buffer.baseAddress!, stride: 1, window, profile: profile,
                                            samplingPrior: table.sampling[Int(profile.domainMask)], inspectionPrior: table.inspection[Int(profile.domainMask)])
                try body(profile.id, UnsafeBufferPointer(buffer), counts[index].overrideFacts(window, profile: profile))
            }
        }
    }

    /// The column-major matrix with override facts and labels (training), written in place.
    public func featureSet(priors: FeaturePriors) -> FeatureSet {
        let table = PriorTable(priors)
        let rows = rowCount
        let columns = FeatureName.allCases.count
        var ids: [CreditCode] = []
        var facts: [OverrideFacts] = []
        var labels: [ObservationLabel?] = []
        ids.reserveCapacity(rows)
        facts.reserveCapacity(rows)
        var values = [Double](repeating: 0, count: rows * columns)
        values.withUnsafeMutableBufferPointer { buffer in
            var r = 0
            for index in profiles.indices where hasRow[index] {
                let profile = profiles[index]
                counts[index].writeFeatures(into: buffer.baseAddress! + r, stride: rows, window, profile: profile,
                                            samplingPrior: table.sampling[Int(profile.domainMask)], inspectionPrior: table.inspection[Int(profile.domainMask)])
                ids.append(profile.id)
                facts.append(counts[index].overrideFacts(window, profile: profile))
                if window.label != nil { labels.append(counts[index].observationLabel(window, enterpriseId: profile.id)) }
                r += 1
            }
        }
        let matrix = FeatureMatrix(names: FeatureName.orderedNames, enterpriseIds: ids, values: values)
        return FeatureSet(asOf: window.asOf, matrix: matrix, overrideFacts: facts, labels: labels, priors: priors,
                          inactiveEnterpriseIds: inactiveEnterpriseIds)
    }
}

/// The two priors of every possible domain set (6 domains: 64 masks), computed once per pass by
/// `FeaturePriors`' own formula instead of once per enterprise.
struct PriorTable {
    let sampling: [Double]
    let inspection: [Double]

    init(_ priors: FeaturePriors) {
        let sets = (0..<64).map { EnterpriseProfile.domains(UInt8($0)) }
        sampling = sets.map(priors.samplingPrior(for:))
        inspection = sets.map(priors.inspectionPrior(for:))
    }
}
