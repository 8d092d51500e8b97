// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Domain

/// Probability cut points between the tiers A|B, B|C and C|D: p < a → A, a ≤ p < b → B,
/// b ≤ p < c → C, p ≥ c → D. A probability exactly at a cut goes to the higher tier.
public struct TierCutPoints: Sendable, Equatable, Codable {
    public let lowerB: Double
    public let lowerC: Double
    public let lowerD: Double

    /// DOMAIN.md §2.2: A < 0.02 ≤ B < 0.05 ≤ C < 0.15 ≤ D.
    public static let standard = try! TierCutPoints(lowerB: 0.02, lowerC: 0.05, lowerD: 0.15)

    /// Cuts must be probabilities in (0, 1) and non-decreasing (an equal pair empties a tier).
    public init(lowerB: Double, lowerC: Double, lowerD: Double) throws(ReportError) {
        for (name, v) in [("lower_b", lowerB), ("lower_c", lowerC), ("lower_d", lowerD)] where !(v > 0 && v < 1) {
            throw .invalidValue(field: name, requirement: "a probability in (0, 1)", got: String(v))
        }
        guard lowerB <= lowerC, lowerC <= lowerD else {
            throw .invalidValue(field: "cut_points", requirement: "non-decreasing (A|B ≤ B|C ≤ C|D)",
                                got: "\(lowerB), \(lowerC), \(lowerD)")
        }
        self.lowerB = lowerB
        self.lowerC = lowerC
        self.lowerD = lowerD
    }

    /// Cuts that give the tiers (as nearly as ties allow) the target shares of `probabilities`:
    /// with the scores sorted, the A|B cut is the score at index round(n·share_A) (0-based), so
    /// that the round(n·share_A) lowest scores fall below it; likewise for the cumulative shares.
    /// Shares are for A, B, C, D, each ≥ 0, summing to 1 (± 1e-9).
    public init(shares: [Double], of probabilities: [Double]) throws(ReportError) {
        guard shares.count == 4, shares.allSatisfy({ $0 >= 0 }), abs(shares.reduce(0, +) - 1) < 1e-9 else {
            throw .invalidValue(field: "shares", requirement: "four non-negative shares (A, B, C, D) summing to 1",
                                got: shares.map { String($0) }.joined(separator: ","))
        }
        guard !probabilities.isEmpty else { throw .invalidValue(field: "probabilities", requirement: "non-empty", got: "none") }
        let sorted = probabilities.sorted()
        func cut(_ cumulative: Double) -> Double {
            let k = Int((Double(sorted.count) * cumulative).rounded())
            // All rows below the cut: any value above the largest score does it.
            return k >= sorted.count ? min(1 - 1e-12, sorted[sorted.count - 1].nextUp) : max(sorted[k], Double.leastNonzeroMagnitude)
        }
        try self.init(lowerB: cut(shares[0]), lowerC: cut(shares[0] + shares[1]), lowerD: cut(shares[0] + shares[1] + shares[2]))
    }

    /// The tier of a probability (at a cut: the higher tier).
    public func tier(_ p: Double) -> Tier {
        if p >= lowerD { return .d }
        if p >= lowerC { return .c }
        if p >= lowerB { return .b }
        return .a
    }

    enum CodingKeys: String, CodingKey {
        case lowerB = "b", lowerC = "c", lowerD = "d"
    }
}
