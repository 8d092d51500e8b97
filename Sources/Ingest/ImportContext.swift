import Domain

/// What cross-file rules are checked against: what the store already holds plus the rows of the
/// same import read so far. Memory is proportional to enterprises, inspectors and list spells,
/// never to all events.
public struct ImportContext: Sendable {
    /// Dates after it are errors; nil skips that check (see `risktier import --extract-date`).
    public var extractDate: CivilDate?
    /// Known enterprises and their domains.
    public var enterpriseDomains: EnterpriseIndex
    public var inspectorIds: Set<String>
    /// Codes excused from the check-character rule (`uscc_exceptions.csv`), canonical form.
    public var usccExceptions: Set<String>
    /// Spells per (enterprise, list), keyed by event id, for the overlap rule.
    public var listSpells: [ListSpellKey: [ListSpell]]

    public init(extractDate: CivilDate?, enterpriseDomains: EnterpriseIndex = [:],
                inspectorIds: Set<String> = [], usccExceptions: Set<String> = [], listSpells: [ListSpellKey: [ListSpell]] = [:]) {
        self.extractDate = extractDate
        self.enterpriseDomains = enterpriseDomains
        self.inspectorIds = inspectorIds
        self.usccExceptions = usccExceptions
        self.listSpells = listSpells
    }

    public struct ListSpellKey: Hashable, Sendable {
        public let enterpriseId: CreditCode
        public let list: ListKind
        public init(enterpriseId: CreditCode, list: ListKind) {
            self.enterpriseId = enterpriseId
            self.list = list
        }
    }

    public struct ListSpell: Hashable, Sendable {
        public let eventId: String
        public let enteredOn: CivilDate
        public let exitedOn: CivilDate?
        public init(eventId: String, enteredOn: CivilDate, exitedOn: CivilDate?) {
            self.eventId = eventId
            self.enteredOn = enteredOn
            self.exitedOn = exitedOn
        }
    }
}
