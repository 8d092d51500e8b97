import Domain

/// One validated row of an import file.
public enum ImportRow: Sendable, Equatable {
    case usccException(CreditCode)
    case enterprise(Enterprise)
    case inspector(Inspector)
    case event(Event)
    case conflict(Conflict)
}
