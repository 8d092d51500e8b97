import Features

/// What a model was trained on: feature names in column order, the feature options and the
/// domain priors of the shrunk rates. Scoring must rebuild features with exactly these.
public struct FeatureSpec: Hashable, Sendable, Codable {
    public let names: [String]
    public let options: FeatureOptions
    public let priors: FeaturePriors

    public init(names: [String] = FeatureName.orderedNames, options: FeatureOptions, priors: FeaturePriors) {
        self.names = names
        self.options = options
        self.priors = priors
    }
}
