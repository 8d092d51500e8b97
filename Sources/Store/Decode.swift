import Domain
import GRDB

/// Stored rows → Domain values. Rows were validated on import, so a failure here means the
/// file was changed outside RiskTier: it is reported as `StoreError.corrupt`.
enum Decode {
    static func date(_ text: String, table: String, key: String) throws -> CivilDate {
        guard let date = CivilDate(iso: text) else { throw StoreError.corrupt(table: table, key: key, message: "bad date '\(text)'") }
        return date
    }

    /// A stored credit code (`CreditCode` holds at most `maximumUTF8Count` bytes; import
    /// stores 18).
    static func code(_ text: String, table: String, key: String) throws(StoreError) -> CreditCode {
        guard text.utf8.count <= CreditCode.maximumUTF8Count else {
            throw StoreError.corrupt(table: table, key: key, message: "bad enterprise_id '\(text)'")
        }
        return CreditCode(unchecked: text)
    }

    static func optionalDate(_ text: String?, table: String, key: String) throws -> CivilDate? {
        try text.map { try date($0, table: table, key: key) }
    }

    static func token<T: FileToken>(_ text: String, _ type: T.Type, table: String, key: String) throws -> T {
        guard let value = T(rawValue: text) else { throw StoreError.corrupt(table: table, key: key, message: "bad token '\(text)'") }
        return value
    }

    static func tokens<T: FileToken>(_ text: String, _ type: T.Type, table: String, key: String) throws -> Set<T> {
        Set(try text.split(separator: ";").map { try token(String($0), T.self, table: table, key: key) })
    }

    static func domains(_ text: String, table: String, key: String) throws -> Set<SupervisionDomain> {
        try tokens(text, SupervisionDomain.self, table: table, key: key)
    }

    static func wrap<T>(_ table: String, _ key: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as DomainError {
            throw StoreError.corrupt(table: table, key: key, message: error.description)
        }
    }

    static func enterprise(_ row: Row) throws -> Enterprise {
        let key: String = row[0]
        let t = "enterprises"
        return try wrap(t, key) {
            try Enterprise(id: code(key, table: t, key: key), name: row[1], domains: try domains(row[2], table: t, key: key), district: row[3],
                           registeredOn: try date(row[4], table: t, key: key), status: try token(row[5], RegistrationStatus.self, table: t, key: key),
                           statusChangedOn: try optionalDate(row[6], table: t, key: key), bureauId: row[7])
        }
    }

    static func inspector(_ row: Row) throws -> Inspector {
        let key: String = row[0]
        let t = "inspectors"
        return try wrap(t, key) {
            try Inspector(id: key, name: row[1], bureauId: row[2], district: row[3], domains: try domains(row[4], table: t, key: key),
                          role: try token(row[5], InspectorRole.self, table: t, key: key), certNo: row[6],
                          certValidUntil: try optionalDate(row[7], table: t, key: key), capacity: row[8], active: row[9])
        }
    }

    static func conflict(_ row: Row) throws -> Conflict {
        let key: String = "\(row[0] as String)/\(row[1] as String)"
        let t = "conflicts"
        return try wrap(t, key) {
            try Conflict(inspectorId: row[0], enterpriseId: try code(row[1], table: t, key: key), reason: try token(row[2], ConflictReason.self, table: t, key: key),
                         declaredOn: try date(row[3], table: t, key: key), validUntil: try optionalDate(row[4], table: t, key: key))
        }
    }

    static func event(_ kind: EventKind, _ row: Row) throws -> Event {
        let key: String = row[0]
        let t = StoreColumns.table(kind)
        return try wrap(t, key) {
            let header = try EventHeader(eventId: key, enterpriseId: try code(row[1], table: t, key: key),
                                         domain: try token(row[2], SupervisionDomain.self, table: t, key: key),
                                         recordedOn: try optionalDate(row[3], table: t, key: key))
            switch kind {
            case .licence:
                return .licence(try Licence(header: header, licenceId: row[4], licenceType: row[5], issuedOn: try date(row[6], table: t, key: key),
                                            expiresOn: try date(row[7], table: t, key: key), status: try token(row[8], LicenceStatus.self, table: t, key: key),
                                            statusChangedOn: try optionalDate(row[9], table: t, key: key)))
            case .penalty:
                return .penalty(try Penalty(header: header, decidedOn: try date(row[4], table: t, key: key), decisionNo: row[5],
                                            procedure: try token(row[6], PenaltyProcedure.self, table: t, key: key),
                                            kinds: try tokens(row[7], PenaltyKind.self, table: t, key: key), fineFen: row[8], confiscatedFen: row[9],
                                            heavy: row[10], publicityEndedOn: try optionalDate(row[11], table: t, key: key)))
            case .samplingTest:
                let failClass: String? = row[8]
                return .samplingTest(try SamplingTest(header: header, sampledOn: try date(row[4], table: t, key: key), productCategory: row[5],
                                                      stage: try token(row[6], SamplingStage.self, table: t, key: key),
                                                      result: try token(row[7], SamplingResult.self, table: t, key: key),
                                                      failClass: try failClass.map { try token($0, FailClass.self, table: t, key: key) }, isFinal: row[9]))
            case .inspection:
                let ids: String = row[10]
                return .inspection(try Inspection(header: header, inspectedOn: try date(row[4], table: t, key: key),
                                                  origin: try token(row[5], InspectionOrigin.self, table: t, key: key), drawId: row[6],
                                                  findingsCount: row[7], maxSeverity: try token(row[8], FindingSeverity.self, table: t, key: key),
                                                  outcome: try token(row[9], InspectionOutcome.self, table: t, key: key),
                                                  inspectorIds: ids.isEmpty ? [] : ids.split(separator: ";").map(String.init)))
            case .complaint:
                return .complaint(try Complaint(header: header, receivedOn: try date(row[4], table: t, key: key),
                                                substantiated: try token(row[5], Substantiation.self, table: t, key: key), category: row[6]))
            case .listEntry:
                let exitReason: String? = row[8]
                return .listEntry(try ListEntry(header: header, list: try token(row[4], ListKind.self, table: t, key: key),
                                                enteredOn: try date(row[5], table: t, key: key), reason: try token(row[6], ListEntryReason.self, table: t, key: key),
                                                exitedOn: try optionalDate(row[7], table: t, key: key),
                                                exitReason: try exitReason.map { try token($0, ListExitReason.self, table: t, key: key) }))
            }
        }
    }
}
