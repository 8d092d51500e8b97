import Domain

extension CutPoints {
    /// Cut points that give the tiers A, B, C, D the target `shares` of `probabilities` (the
    /// training scores), as nearly as ties allow.
    ///
    /// With the scores sorted ascending and k = round(n · cumulative share), the cut is the
    /// midpoint of the k-th and (k+1)-th smallest scores, so that exactly the k lowest scores
    /// fall below it and a new score between them goes to the nearer side; when those two
    /// scores are tied the cut is the tied value (the tie goes to the higher tier, fewer than
    /// k below). k = 0 cuts at the smallest score; k = n just above the largest.
    /// Throws when the shares are not four non-negative numbers summing to 1 (± 1e-9), or when
    /// ties or a zero share would make two cut points equal (use fixed probabilities then).
    public init(shares: [Double], of probabilities: [Double]) throws(ScoringError) {
        let field = "--cut-shares"
        guard shares.count == 4, shares.allSatisfy({ $0 >= 0 && $0.isFinite }), abs(shares.reduce(0, +) - 1) < 1e-9 else {
            throw .invalidField(file: "cut points", field: field, requirement: "four non-negative shares A,B,C,D summing to 1",
                                got: shares.map { "\($0)" }.joined(separator: ","))
        }
        guard !probabilities.isEmpty, probabilities.allSatisfy({ $0 > 0 && $0 < 1 }) else {
            throw .invalidField(file: "cut points", field: "probabilities", requirement: "one or more scores in (0, 1)",
                                got: probabilities.isEmpty ? "none" : "a score outside (0, 1)")
        }
        let sorted = probabilities.sorted()
        let n = sorted.count
        func cut(_ cumulative: Double) -> Double {
            let k = min(n, max(0, Int((Double(n) * cumulative).rounded())))
            if k == 0 { return sorted[0] }
            if k == n { return sorted[n - 1].nextUp }
            let lower = sorted[k - 1], upper = sorted[k]
            if lower == upper { return upper }
            // The midpoint lies strictly between two distinct doubles unless they are adjacent.
            let middle = lower + (upper - lower) / 2
            return middle > lower ? middle : upper
        }
        let cumulative = [shares[0], shares[0] + shares[1], shares[0] + shares[1] + shares[2]]
        let cuts = cumulative.map(cut)
        guard cuts[0] < cuts[1], cuts[1] < cuts[2], cuts[2] < 1 else {
            throw .invalidField(file: "cut points", field: field,
                                requirement: "shares that give three distinct cut points on these scores (ties or an empty tier make two equal; give --cut-probabilities instead)",
                                got: shares.map { "\($0)" }.joined(separator: ",") + " → cuts " + cuts.map { "\($0)" }.joined(separator: ", "))
        }
        self.init(uncheckedB: cuts[0], c: cuts[1], d: cuts[2])
    }
}
