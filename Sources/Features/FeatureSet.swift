import Domain

/// The output of a feature pass at one as-of date: the matrix of active enterprises with,
/// row by row, their override facts and (when requested) labels, plus the inactive ones.
public struct FeatureSet: Sendable {
    public let asOf: CivilDate
    public let matrix: FeatureMatrix
    /// Aligned with `matrix.enterpriseIds`.
    public let overrideFacts: [OverrideFacts]
    /// Aligned with `matrix.enterpriseIds`; nil = not observed in the label window (dropped
    /// from training). Empty when no label was requested.
    public let labels: [ObservationLabel?]
    /// The priors the shrunk rates used.
    public let priors: FeaturePriors
    /// Registered on or before the as-of date but revoked/cancelled/annulled/moved out by then
    /// (`O_INACTIVE`), ascending.
    public let inactiveEnterpriseIds: [CreditCode]
}
