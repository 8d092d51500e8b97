import Features

/// What a model was trained on: feature names in column order, the feature options and the
/// domain priors of the shrunk rates. Scoring must rebuild features with exactly these.
public struct FeatureSpec: Hashable, Sendable, Codable {
    /// The response of a feature model in formulas and reports (DOMAIN.md §5.2's label).
    public static let responseName = "label"

    public let names: [String]
    public let options: FeatureOptions
    public let priors: FeaturePriors

    public init(names: [String] = FeatureName.orderedNames, options: FeatureOptions, priors: FeaturePriors) {
        self.names = names
        self.options = options
        self.priors = priors
    }
}
