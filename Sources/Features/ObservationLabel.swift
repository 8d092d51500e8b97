/// The label of one observed enterprise (DOMAIN.md §5.2). Unobserved firms have no label.
public struct ObservationLabel: Sendable, Equatable {
    /// 1 when a serious finding occurred in (t, t + 12 months].
    public let outcome: Bool
    /// Observed through a random draw (`origin = random_draw`) in the label window: the
    /// unbiased arm used for calibration and tier hit rates.
    public let isRandomDraw: Bool
    /// π of the earliest random-draw inspection in the window (nil unless `isRandomDraw`);
    /// Horvitz–Thompson weight = 1/π.
    public let inclusionProbability: Double?

    public init(outcome: Bool, isRandomDraw: Bool, inclusionProbability: Double?) {
        self.outcome = outcome
        self.isRandomDraw = isRandomDraw
        self.inclusionProbability = inclusionProbability
    }

    /// 1/π for the random arm, nil otherwise.
    public var horvitzThompsonWeight: Double? { inclusionProbability.map { 1 / $0 } }
}
