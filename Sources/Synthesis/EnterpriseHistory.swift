import Domain

/// Every event generated for one enterprise, before rendering. Days are days since 1970-01-01.
struct EnterpriseHistory {
    struct PenaltyRecord {
        var day: Int
        var recordedDay: Int
        var domain: SupervisionDomain
        var procedure: PenaltyProcedure
        var kinds: [PenaltyKind]
        var fineFen: Int
        var confiscatedFen: Int
        var heavy: Bool
        var publicityEndedDay: Int?

        /// DOMAIN.md §4 severity: 3 heavy; 1 summary or warning/criticism only; 2 otherwise.
        var severity: Int {
            if heavy { return 3 }
            if procedure == .summary { return 1 }
            if kinds.allSatisfy({ $0 == .warning || $0 == .circulatedCriticism }) { return 1 }
            return 2
        }
    }

    struct SamplingRecord {
        var day: Int
        var recordedDay: Int
        var domain: SupervisionDomain
        var category: String
        var stage: SamplingStage
        var failClass: FailClass?
        var isFinal: Bool
    }

    struct InspectionRecord {
        var day: Int
        var recordedDay: Int
        var domain: SupervisionDomain
        var origin: InspectionOrigin
        var drawId: String?
        var findingsCount: Int
        var severity: FindingSeverity
        var outcome: InspectionOutcome
        var inspectorIds: [String]
    }

    struct ComplaintRecord {
        var day: Int
        var recordedDay: Int
        var domain: SupervisionDomain
        var substantiated: Substantiation
        var category: String
    }

    struct ListRecord {
        var list: ListKind
        var day: Int
        var recordedDay: Int
        var domain: SupervisionDomain
        var reason: ListEntryReason
        var exitDay: Int?
        var exitReason: ListExitReason?

        func isOpen(on day: Int) -> Bool { self.day <= day && (exitDay.map { day < $0 } ?? true) }
    }

    struct LicenceRecord {
        var domain: SupervisionDomain
        var type: String
        var issuedDay: Int
        var expiresDay: Int
        var status: LicenceStatus
        var changedDay: Int?
        var recordedDay: Int
        var day: Int { changedDay ?? issuedDay }
    }

    var penalties: [PenaltyRecord] = []
    var samplingTests: [SamplingRecord] = []
    var inspections: [InspectionRecord] = []
    var complaints: [ComplaintRecord] = []
    var listEntries: [ListRecord] = []
    var licences: [LicenceRecord] = []

    /// Whether a spell on `list` is open on `day` or starts after it (a new spell may not overlap).
    func listBlocked(_ list: ListKind, from day: Int) -> Bool {
        listEntries.contains { entry in
            entry.list == list && (entry.isOpen(on: day) || entry.day >= day)
        }
    }
}
