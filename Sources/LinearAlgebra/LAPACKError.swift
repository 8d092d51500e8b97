/// A BLAS/LAPACK routine reported failure through its `info` argument.
///
/// `info < 0`: argument −info had an illegal value (a bug here, not bad data);
/// `info > 0`: routine-specific, e.g. `dpotrf` found the leading minor of order `info`
/// not positive definite.
public struct LAPACKError: Error, Equatable, Sendable, CustomStringConvertible {
    public let routine: String
    public let info: Int32

    public init(routine: String, info: Int32) {
        self.routine = routine
        self.info = info
    }

    public var description: String {
        info < 0
            ? "\(routine): argument \(-info) had an illegal value"
            : "\(routine) failed with info = \(info)"
    }
}
