/// Any event of an enterprise's history, one case per event file of DOMAIN.md §4.
public enum Event: Hashable, Sendable {
    case licence(Licence)
    case penalty(Penalty)
    case samplingTest(SamplingTest)
    case inspection(Inspection)
    case complaint(Complaint)
    case listEntry(ListEntry)

    public var kind: EventKind {
        switch self {
        case .licence: return .licence
        case .penalty: return .penalty
        case .samplingTest: return .samplingTest
        case .inspection: return .inspection
        case .complaint: return .complaint
        case .listEntry: return .listEntry
        }
    }

    public var header: EventHeader {
        switch self {
        case let .licence(event): return event.header
        case let .penalty(event): return event.header
        case let .samplingTest(event): return event.header
        case let .inspection(event): return event.header
        case let .complaint(event): return event.header
        case let .listEntry(event): return event.header
        }
    }

    /// The date the event is dated by (decision, sampling, inspection, receipt, entry; a
    /// licence's status change or else its issue).
    public var date: CivilDate {
        switch self {
        case let .licence(event): return event.eventDate
        case let .penalty(event): return event.decidedOn
        case let .samplingTest(event): return event.sampledOn
        case let .inspection(event): return event.inspectedOn
        case let .complaint(event): return event.receivedOn
        case let .listEntry(event): return event.enteredOn
        }
    }
}
