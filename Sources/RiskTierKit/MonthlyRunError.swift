import Domain

/// Why a monthly fit or scoring run failed; messages name the file or option.
public enum MonthlyRunError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The store could not be read (its message).
    case store(String)
    /// Features could not be built (the Features module's message).
    case features(String)
    /// Model, policy or training problem (the Scoring module's message).
    case scoring(String)
    /// The statistics engine refused the data.
    case engine(String)
    /// The data end (given, or the newest event in the store) is too early for a label window
    /// after the as-of date.
    case labelWindowBeyondData(asOf: CivilDate, latestEvent: CivilDate?, months: Int)
    /// `Models/<id>` exists already: models are never overwritten.
    case modelExists(path: String)
    /// A file could not be read or written.
    case io(path: String, message: String)
    /// The store holds no enterprises: it was created but never imported.
    case notImported(path: String)
    /// The as-of date is after the month of the newest event in the store.
    case asOfAfterData(asOf: CivilDate, latestEvent: CivilDate?)
    /// A bad option value (its message).
    case usage(String)
    /// A previous run's file is malformed.
    case previousRun(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case let .store(message), let .features(message), let .scoring(message), let .engine(message), let .usage(message):
            return message
        case let .labelWindowBeyondData(asOf, latest, months):
            return "`--as-of` must be at least \(months) months before the data end (--data-end, else the newest event in the store: \(latest?.description ?? "no events")) so that labels are observed; got \(asOf)"
        case let .modelExists(path):
            return "`--model-id` must name a new model; got one that exists at \(path) (models are never overwritten)"
        case let .notImported(path):
            return "\(path): the store holds no enterprises; import the export files first with `risktier import --store \(path) FILE…`"
        case let .asOfAfterData(asOf, latest):
            return "`--as-of` must be no later than the end of the month of the newest event in the store (\(latest?.description ?? "no events")); got \(asOf)"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .previousRun(path, line, message):
            return "\(path):\(line): \(message)"
        }
    }
}
