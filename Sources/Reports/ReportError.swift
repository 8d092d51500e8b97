/// Why a calibration table or report could not be made.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidValue(field: String, requirement: String, got: String)
    /// A statistic could not be computed (the message of the `StatisticsError`).
    case statistics(String)

    public var description: String {
        switch self {
        case let .invalidValue(field, requirement, got): "`\(field)` must be \(requirement); got \(got)"
        case let .statistics(message): message
        }
    }
}
