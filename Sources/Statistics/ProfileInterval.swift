/// A profile penalised-likelihood confidence interval for one coefficient: the β_j where
/// 2 (l*(β̂) − max_{β₋ⱼ} l*(β | β_j)) = χ²₁(level) (logistf `pl = TRUE`). A bound is nil when the
/// profile does not fall that far within the search range (the interval is unbounded there).
public struct ProfileInterval: Sendable, Equatable {
    public let term: String
    public let lower: Double?
    public let upper: Double?
    public let level: Double

    /// The interval of c·β_j for c > 0 (undoing an internal column scaling).
    func scaled(by c: Double) -> ProfileInterval {
        ProfileInterval(term: term, lower: lower.map { $0 * c }, upper: upper.map { $0 * c }, level: level)
    }
}
