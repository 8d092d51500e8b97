import Scoring

/// Why a model could not be saved, loaded or applied (`risktier fit --csv … --model-id`,
/// `risktier score --model … --csv`, `risktier report`).
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case invalidId(String)
    case unreadable(path: String, message: String)
    case newerFormat(path: String, version: Int, supported: Int)
    case invalidField(path: String, field: String, requirement: String, got: String)
    /// A formula model applied with --store, or a feature model applied with --csv.
    case wrongKind(path: String, kind: String, requirement: String)
    case missingColumn(file: String, column: String)
    case unknownLevel(file: String, line: Int, column: String, value: String, levels: [String])
    case badValue(file: String, line: Int, column: String, requirement: String, value: String)
    case fit(FitError)
    /// The model could not be built (the Scoring module's message).
    case model(String)
    case report(String)
    case io(path: String, message: String)

    /// A Scoring error from reading a model file.
    public init(_ error: ScoringError) {
        switch error {
        case let .unsupportedModelFormat(file, version, supported): self = .newerFormat(path: file, version: version, supported: supported)
        case let .invalidField(file, field, requirement, got): self = .invalidField(path: file, field: field, requirement: requirement, got: got)
        case let .malformedFile(file, detail): self = .unreadable(path: file, message: detail)
        }
    }

    public var description: String {
        switch self {
        case let .exists(path): "model folder \(path) already exists; a model is never overwritten: choose another --model-id"
        case let .invalidId(id): "`--model-id` must be 1 to 64 characters from A-Z a-z 0-9 . _ - not starting with a dot; got \(id)"
        case let .unreadable(path, message): "\(path): \(message)"
        case let .newerFormat(path, version, supported):
            "\(path): `format_version` must be at most \(supported) (the newest model format this risktier reads); got \(version): upgrade risktier to read this model"
        case let .invalidField(path, field, requirement, got): "\(path): `\(field)` must be \(requirement); got \(got)"
        case let .wrongKind(path, kind, requirement): "\(path): `spec.kind` must be \(requirement); got \(kind)"
        case let .missingColumn(file, column): "\(file): column `\(column)` must be present (the model uses it); got a header without it"
        case let .unknownLevel(file, line, column, value, levels):
            "\(file):\(line): `\(column)` must be one of the training levels \(levels.joined(separator: ", ")); got \"\(value)\""
        case let .badValue(file, line, column, requirement, value): "\(file):\(line): `\(column)` must be \(requirement); got \"\(value)\""
        case let .fit(error): error.description
        case let .model(message): message
        case let .report(message): message
        case let .io(path, message): "\(path): \(message)"
        }
    }

    /// 2 for a usage problem (bad id), 1 otherwise.
    public var exitCode: Int32 {
        switch self {
        case .invalidId: 2
        case let .fit(error): error.exitCode
        default: 1
        }
    }
}
