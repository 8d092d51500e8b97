/// One row of the coefficient table; the numbers are nil for an aliased (NA) coefficient.
public struct Coefficient: Sendable, Equatable {
    public let term: String
    public let estimate: Double?
    public let standardError: Double?
    public var aliased: Bool { estimate == nil }

    /// Wald z = estimate / standard error.
    public var zValue: Double? {
        guard let estimate, let standardError else { return nil }
        return estimate / standardError
    }

    /// Two-sided normal p-value of `zValue`.
    public var pValue: Double? { zValue.map(NormalDistribution.twoSidedPValue) }

    /// Wald interval estimate ± Φ⁻¹((1 + level)/2)·se (R's `confint.default`).
    public func confidenceInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        guard let estimate, let standardError else { return nil }
        let half = NormalDistribution.quantile((1 + level) / 2) * standardError
        return (estimate - half)...(estimate + half)
    }

    /// exp(estimate): the odds ratio for a one-unit change (or level vs reference).
    public var oddsRatio: Double? { estimate.map { Foundation.exp($0) } }

    /// The Wald interval mapped through exp.
    public func oddsRatioInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        confidenceInterval(level: level).map { Foundation.exp($0.lowerBound)...Foundation.exp($0.upperBound) }
    }

    public init(term: String, estimate: Double?, standardError: Double?) {
        self.term = term
        self.estimate = estimate
        self.standardError = standardError
    }
}

import Foundation
