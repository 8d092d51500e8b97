import Domain

/// Domain priors m_d for the shrunk rates of DOMAIN.md §5.1, estimated from training data and
/// stored with the model so that scoring shrinks towards the training rates.
///
/// Estimation: per supervision domain (the event's `domain` column), final sampling fails ÷
/// final tests and inspection findings ÷ inspections, over the 36-month windows of all active
/// enterprises at the training as-of date. A domain without tests (inspections) falls back to
/// the all-domain rate; with no tests at all the rate is 0.
/// A multi-domain firm's prior is the unweighted mean of its domains' rates: it does not
/// depend on which domain happened to be sampled, and equals m_d for single-domain firms.
public struct FeaturePriors: Codable, Sendable, Hashable {
    /// Final-sampling fail rate per domain, in [0, 1].
    public let samplingFailRate: [SupervisionDomain: Double]
    /// Findings per inspection per domain, ≥ 0.
    public let inspectionFindingRate: [SupervisionDomain: Double]

    public init(samplingFailRate: [SupervisionDomain: Double], inspectionFindingRate: [SupervisionDomain: Double]) {
        self.samplingFailRate = samplingFailRate
        self.inspectionFindingRate = inspectionFindingRate
    }

    /// Rates from per-domain totals (indexed like `SupervisionDomain.allCases`).
    public init(samplingTests: [Int], samplingFails: [Int], inspections: [Int], findings: [Int]) {
        func rates(_ numerators: [Int], _ denominators: [Int]) -> [SupervisionDomain: Double] {
            let totalDenominator = denominators.reduce(0, +)
            let overall = totalDenominator > 0 ? Double(numerators.reduce(0, +)) / Double(totalDenominator) : 0
            var result: [SupervisionDomain: Double] = [:]
            for (index, domain) in SupervisionDomain.allCases.enumerated() {
                result[domain] = denominators[index] > 0 ? Double(numerators[index]) / Double(denominators[index]) : overall
            }
            return result
        }
        self.samplingFailRate = rates(samplingFails, samplingTests)
        self.inspectionFindingRate = rates(findings, inspections)
    }

    /// m for a firm: mean over its domains.
    public func samplingPrior(for domains: Set<SupervisionDomain>) -> Double {
        FeaturePriors.mean(domains.sorted().map { samplingFailRate[$0] ?? 0 })
    }

    /// m for a firm's inspection finding rate: mean over its domains.
    public func inspectionPrior(for domains: Set<SupervisionDomain>) -> Double {
        FeaturePriors.mean(domains.sorted().map { inspectionFindingRate[$0] ?? 0 })
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    enum CodingKeys: String, CodingKey {
        case samplingFailRate = "sampling_fail_rate"
        case inspectionFindingRate = "inspection_finding_rate"
    }

    // Keyed by the domain token so the JSON is an object with sorted keys, not an array of pairs.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func decodeRates(_ key: CodingKeys) throws -> [SupervisionDomain: Double] {
            let raw = try container.decode([String: Double].self, forKey: key)
            var result: [SupervisionDomain: Double] = [:]
            for (token, value) in raw {
                guard let domain = SupervisionDomain(rawValue: token) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container,
                        debugDescription: "`\(key.rawValue)` keys must be one of \(SupervisionDomain.allowedTokens); got \(token)")
                }
                result[domain] = value
            }
            return result
        }
        samplingFailRate = try decodeRates(.samplingFailRate)
        inspectionFindingRate = try decodeRates(.inspectionFindingRate)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Dictionary(uniqueKeysWithValues: samplingFailRate.map { ($0.rawValue, $1) }), forKey: .samplingFailRate)
        try container.encode(Dictionary(uniqueKeysWithValues: inspectionFindingRate.map { ($0.rawValue, $1) }), forKey: .inspectionFindingRate)
    }
}
