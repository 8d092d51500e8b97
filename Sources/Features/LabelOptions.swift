import Domain

/// How the outcome label of DOMAIN.md §5.2 is built.
public struct LabelOptions: Sendable, Equatable {
    /// Last date covered by the data; the as-of date must be ≤ `dataEnd − horizonMonths`.
    public let dataEnd: CivilDate
    /// Label window (t, t + horizon months]; 12 in §5.2.
    public let horizonMonths: Int
    /// π of a firm in a recorded draw (first choice): the probability that it is drawn in the
    /// label window, computed by the caller from the stored draw records.
    public let inclusionProbabilities: [DrawMembership: Double]
    /// Annual draw rate per stratum (DOMAIN.md §2.2, e.g. A 0.03 … D 0.30), used when the draw
    /// is not recorded but its id names the stratum (`DrawIdentifier`). π = rate × horizon/12,
    /// at most 1: with k batches a year each at rate/k and the frequency cap making a year's
    /// batches disjoint, P(drawn in a 12-month window) = the annual rate. (The synthetic city's
    /// outcome window draws each firm once at its tier's annual rate, in one of four quarterly
    /// batches: π is exactly the annual rate there.)
    public let annualStratumRates: [Tier: Double]
    /// π used when neither a record nor the id gives the stratum: the tier at draw time is
    /// unknown, so the caller passes the rate of a default policy, normally tier B's 5 % (the
    /// "normal" proportion of §2.1).
    public let fallbackInclusionProbability: Double

    public init(dataEnd: CivilDate, horizonMonths: Int = 12, inclusionProbabilities: [DrawMembership: Double] = [:],
                annualStratumRates: [Tier: Double] = [:], fallbackInclusionProbability: Double = 0.05) {
        self.dataEnd = dataEnd
        self.horizonMonths = horizonMonths
        self.inclusionProbabilities = inclusionProbabilities
        self.annualStratumRates = annualStratumRates
        self.fallbackInclusionProbability = fallbackInclusionProbability
    }

    /// π of `enterprise` drawn in `drawId`: the recorded value, else the annual rate of the
    /// stratum the id names scaled to the horizon, else the fallback.
    public func inclusionProbability(drawId: String, enterpriseId: CreditCode) -> Double {
        if let recorded = inclusionProbabilities[DrawMembership(drawId: drawId, enterpriseId: enterpriseId)] { return recorded }
        if let stratum = DrawIdentifier.stratum(of: drawId), let annual = annualStratumRates[stratum] {
            return min(1, annual * (Double(horizonMonths) / 12))
        }
        return fallbackInclusionProbability
    }
}
