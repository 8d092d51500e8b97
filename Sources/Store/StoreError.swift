/// The one error type of `Store`.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No store file at the path (import and read commands never create one).
    case missing(path: String)
    /// SQLite or GRDB reported a failure.
    case database(message: String)
    /// The same event_id (or key) is already stored with different content.
    case conflictingEvent(table: String, eventId: String, differences: String)
    /// A stored row does not decode into a valid value (the file was edited outside RiskTier).
    case corrupt(table: String, key: String, message: String)
    /// A write the run history must refuse (e.g. re-scoring a month before a later stored run).
    case refused(message: String)

    public var description: String {
        switch self {
        case let .missing(path):
            return "no store at '\(path)'; create it with `risktier init --store \(path)`"
        case let .database(message):
            return "store: \(message)"
        case let .conflictingEvent(table, eventId, differences):
            return "event_id '\(eventId)' is already in the store's \(table) with different content (\(differences)); the same event_id must always carry the same content"
        case let .corrupt(table, key, message):
            return "store table \(table), row \(key): \(message)"
        case let .refused(message):
            return message
        }
    }
}
