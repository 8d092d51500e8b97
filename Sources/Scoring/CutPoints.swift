import Domain

/// Probability cut points between tiers: A < `b` ≤ B < `c` ≤ C < `d` ≤ D (DOMAIN.md §2.2).
/// A probability exactly at a cut point goes to the higher tier. The one cut-point type of
/// the project: the tier policy, every model and the calibration report use it.
public struct CutPoints: Hashable, Sendable, Codable {
    public let b: Double
    public let c: Double
    public let d: Double

    /// 0.02 / 0.05 / 0.15 [OURS, DOMAIN.md §2.2].
    public static let standard = CutPoints(uncheckedB: 0.02, c: 0.05, d: 0.15)

    init(uncheckedB b: Double, c: Double, d: Double) {
        self.b = b
        self.c = c
        self.d = d
    }

    /// Fixed probabilities; validates 0 < b < c < d < 1.
    public init(b: Double, c: Double, d: Double, file: String = "cut_points") throws(ScoringError) {
        guard b > 0, b < c, c < d, d < 1, b.isFinite, c.isFinite, d.isFinite else {
            throw .invalidField(file: file, field: "cut_points", requirement: "increasing probabilities 0 < B < C < D < 1",
                                got: "B \(b), C \(c), D \(d)")
        }
        self.init(uncheckedB: b, c: c, d: d)
    }

    /// The cut points as the array [B, C, D].
    public var values: [Double] { [b, c, d] }

    /// The tier of probability `p`.
    public func tier(for p: Double) -> Tier {
        if p >= d { return .d }
        if p >= c { return .c }
        if p >= b { return .b }
        return .a
    }

    enum CodingKeys: String, CodingKey { case b = "B", c = "C", d = "D" }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(b: container.decode(Double.self, forKey: .b), c: container.decode(Double.self, forKey: .c),
                      d: container.decode(Double.self, forKey: .d))
    }
}
