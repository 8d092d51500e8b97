/// A policy that is valid but unusual.
public enum PolicyWarning: Hashable, Sendable, CustomStringConvertible {
    /// Tier A drawn at 0 %: nobody should be exempt from spot checks (Shandong rule, DOMAIN.md §2.1).
    case zeroRateForA

    public var description: String {
        switch self {
        case .zeroRateForA:
            return "`rates_bp.A` is 0: tier A is never drawn, although the rules say nobody is exempt from spot checks"
        }
    }
}
