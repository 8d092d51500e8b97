import Lottery

/// Why a draw command could not do its job. Content errors in the frozen files arrive as
/// `LotteryError` and are wrapped, so that the CLI prints one message naming file, line, field.
public enum DrawError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file's content is invalid (file, line and field in the message).
    case invalid(LotteryError)
    /// A file could not be read or written.
    case io(path: String, problem: String)
    /// A usage problem the argument parser cannot see (an empty or short seed, …).
    case usage(String)

    public var description: String {
        switch self {
        case let .invalid(error): return error.description
        case let .io(path, problem): return "\(path): \(problem)"
        case let .usage(message): return message
        }
    }
}
