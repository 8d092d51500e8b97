/// A spell on the abnormal-operation or serious-dishonesty list (`list_entries.csv`).
public struct ListEntry: Hashable, Sendable, Codable {
    public let header: EventHeader
    public let list: ListKind
    public let enteredOn: CivilDate
    /// One of `list.reasons`.
    public let reason: ListEntryReason
    /// Both or neither of `exitedOn` and `exitReason`; `exitedOn ≥ enteredOn`.
    public let exitedOn: CivilDate?
    public let exitReason: ListExitReason?

    public init(header: EventHeader, list: ListKind, enteredOn: CivilDate, reason: ListEntryReason,
                exitedOn: CivilDate?, exitReason: ListExitReason?) throws(DomainError) {
        guard list.reasons.contains(reason) else {
            throw DomainError(field: "reason", requirement: "one of \(list.reasons.map(\.rawValue).joined(separator: ", ")) for list '\(list.rawValue)'", got: reason.rawValue)
        }
        switch (exitedOn, exitReason) {
        case (nil, _?):
            throw DomainError(field: "exited_on", requirement: "a date when exit_reason is set", got: "")
        case (_?, nil):
            throw DomainError(field: "exit_reason", requirement: "one of \(ListExitReason.allowedTokens) when exited_on is set", got: "")
        case let (date?, _?) where date < enteredOn:
            throw DomainError(field: "exited_on", requirement: "on or after entered_on \(enteredOn)", got: date.description)
        default: break
        }
        self.header = header
        self.list = list
        self.enteredOn = enteredOn
        self.reason = reason
        self.exitedOn = exitedOn
        self.exitReason = exitReason
    }

    /// On the list on `date`: entered on or before it and not yet exited (exit day excluded).
    public func isActive(on date: CivilDate) -> Bool {
        enteredOn <= date && (exitedOn.map { date < $0 } ?? true)
    }

    /// Whether two spells share a day. A spell ending on day X and one starting on X do not
    /// overlap (the exit day is off the list).
    public func overlaps(_ other: ListEntry) -> Bool {
        ListEntry.spellsOverlap(enteredOn, exitedOn, other.enteredOn, other.exitedOn)
    }

    public static func spellsOverlap(_ start1: CivilDate, _ end1: CivilDate?, _ start2: CivilDate, _ end2: CivilDate?) -> Bool {
        let firstEndsAfterSecondStarts = end1.map { start2 < $0 } ?? true
        let secondEndsAfterFirstStarts = end2.map { start1 < $0 } ?? true
        return firstEndsAfterSecondStarts && secondEndsAfterFirstStarts
    }

    /// A serious-list exit by credit repair less than a year after entry (DOMAIN.md §2.4: a warning).
    public var isEarlySeriousRepair: Bool {
        guard list == .seriousDishonesty, exitReason == .creditRepair, let exitedOn else { return false }
        return exitedOn < enteredOn.adding(months: 12)
    }
}
