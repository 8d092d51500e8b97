import Statistics

/// The estimator a model was fitted with: maximum likelihood (R's `glm`), Firth's bias
/// reduction (brglm2 `AS_mean`), or an L2 penalty with its λ and scale.
public enum ModelEstimator: Hashable, Sendable {
    case glm
    case firth
    case ridge(RidgePenalty)

    /// `estimator` in `model.json`.
    public var name: String {
        switch self {
        case .glm: "glm"
        case .firth: "firth"
        case .ridge: "ridge"
        }
    }
}
