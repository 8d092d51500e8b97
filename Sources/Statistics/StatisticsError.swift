import LinearAlgebra

/// Why a model could not be fitted (bad input or a failed LAPACK call). Non-convergence and
/// separation are not errors: they are `FitWarning`s on the fit.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Arrays whose lengths must agree do not.
    case dimensionMismatch(field: String, expected: Int, got: Int)
    /// A value outside its domain, e.g. a response outside [0, 1] or a negative weight.
    case invalidValue(field: String, index: Int, requirement: String, value: Double)
    /// There is nothing to fit.
    case noObservations
    /// A LAPACK routine failed.
    case lapack(LAPACKError)

    public var description: String {
        switch self {
        case let .dimensionMismatch(field, expected, got):
            "`\(field)` must have \(expected) elements; got \(got)"
        case let .invalidValue(field, index, requirement, value):
            "`\(field)` must be \(requirement); got \(value) at observation \(index + 1)"
        case .noObservations:
            "the data must have at least one observation with a non-zero weight; got none"
        case let .lapack(error):
            "linear algebra failed: \(error)"
        }
    }
}
