// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
/// Why a model could not be saved, loaded or applied (`risktier fit --model-id`,
/// `risktier score --csv`, `risktier report`).
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
    case exists(path: String)
    case invalidId(String)
    case unreadable(path: String, message: String)
    case newerFormat(path: String, version: Int, supported: Int)
    case invalidField(path: String, field: String, requirement: String, got: String)
    case missingColumn(file: String, column: String)
    case unknownLevel(file: String, line: Int, column: String, value: String, levels: [String])
    case badValue(file: String, line: Int, column: String, requirement: String, value: String)
    case fit(FitError)
    case report(String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case let .exists(path): "model folder \(path) already exists; a model is never overwritten: choose another --model-id"
        case let .invalidId(id): "`--model-id` must be 1 to 64 characters from A-Z a-z 0-9 . _ - not starting with a dot; got \(id)"
        case let .unreadable(path, message): "\(path): cannot read the model: \(message)"
        case let .newerFormat(path, version, supported):
            "\(path): `format_version` must be at most \(supported) (this risktier); got \(version): upgrade risktier to read this model"
        case let .invalidField(path, field, requirement, got): "\(path): `\(field)` must be \(requirement); got \(got)"
        case let .missingColumn(file, column): "\(file): column `\(column)` must be present (the model uses it); got a header without it"
        case let .unknownLevel(file, line, column, value, levels):
            "\(file):\(line): `\(column)` must be one of the training levels \(levels.joined(separator: ", ")); got \(value)"
        case let .badValue(file, line, column, requirement, value): "\(file):\(line): `\(column)` must be \(requirement); got \(value)"
        case let .fit(error): error.description
        case let .report(message): message
        case let .io(path, message): "\(path): \(message)"
        }
    }

    /// 2 for a usage problem (bad id), 1 otherwise.
    public var exitCode: Int32 {
        if case .invalidId = self { return 2 }
        return 1
    }
}
