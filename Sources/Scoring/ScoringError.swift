/// Errors of the Scoring module; messages read "`field` must be …; got …" and name the file.
public enum ScoringError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A policy or model file field is invalid.
    case invalidField(file: String, field: String, requirement: String, got: String)
    /// `model.json` was written by a newer RiskTier.
    case unsupportedModelFormat(file: String, version: Int, supported: Int)
    /// The file is not JSON of the expected shape.
    case malformedFile(file: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidField(file, field, requirement, got):
            return "\(file): `\(field)` must be \(requirement); got \(got)"
        case let .unsupportedModelFormat(file, version, supported):
            return "\(file): `format_version` must be at most \(supported) (this RiskTier reads model format \(supported)); got \(version). Upgrade risktier to read this model"
        case let .malformedFile(file, detail):
            return "\(file): \(detail)"
        }
    }
}
