/// What a model's coefficients apply to: the monthly run's feature columns (a store model,
/// `risktier fit --store`) or the design of an analyst's formula over a CSV (`fit --csv`).
/// In `model.json` this is the object `spec` with `"kind": "features"` or `"kind": "formula"`.
public enum ModelSpec: Hashable, Sendable {
    case features(FeatureSpec)
    case formula(FormulaSpec)

    /// The `kind` value in `model.json`.
    public var kind: String {
        switch self {
        case .features: "features"
        case .formula: "formula"
        }
    }

    /// The coefficient names the spec implies, in design-column order.
    public var termNames: [String] {
        switch self {
        case let .features(spec): [Model.interceptName] + spec.names
        case let .formula(spec): spec.columns.map(\.term)
        }
    }

    /// Name of the response: the formula's left-hand side, or `label` (DOMAIN.md §5.2: a
    /// serious finding within the label window) for a feature model.
    public var response: String {
        switch self {
        case .features: FeatureSpec.responseName
        case let .formula(spec): spec.response
        }
    }

    /// The model formula: as given for a formula model; for a feature model, the formula the
    /// feature columns amount to (`label ~ pen_count_12m + …`), for titles and summaries.
    public var formula: String {
        switch self {
        case let .features(spec): "\(FeatureSpec.responseName) ~ " + spec.names.joined(separator: " + ")
        case let .formula(spec): spec.formula
        }
    }

    /// The feature spec of a store model, nil for a formula model.
    public var featureSpec: FeatureSpec? {
        if case let .features(spec) = self { return spec }
        return nil
    }

    /// The formula spec of a CSV model, nil for a feature model.
    public var formulaSpec: FormulaSpec? {
        if case let .formula(spec) = self { return spec }
        return nil
    }
}

extension ModelSpec: Codable {
    private enum KindKey: String, CodingKey { case kind }

    // The kind and the spec's own fields share one JSON object.
    public init(from decoder: Decoder) throws {
        let kind = try decoder.container(keyedBy: KindKey.self).decode(String.self, forKey: .kind)
        switch kind {
        case "features": self = .features(try FeatureSpec(from: decoder))
        case "formula": self = .formula(try FormulaSpec(from: decoder))
        default:
            throw ScoringError.invalidField(file: "model.json", field: "spec.kind", requirement: "\"features\" or \"formula\"", got: kind)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: KindKey.self)
        try container.encode(kind, forKey: .kind)
        switch self {
        case let .features(spec): try spec.encode(to: encoder)
        case let .formula(spec): try spec.encode(to: encoder)
        }
    }
}
