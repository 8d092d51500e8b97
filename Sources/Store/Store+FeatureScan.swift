import Domain
import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

extension Store {
    /// The tables the monthly run reads, in digest order.
    public static let featureInputTables = ["enterprises"] + EventKind.allCases.map(StoreColumns.table)

    /// The columns it reads of each table (`featureInputTables` order), in digest order.
    public static let featureInputColumns = [StoreColumns.enterpriseFeatureInput] + EventKind.allCases.map(StoreColumns.featureInput)

    /// The monthly run's one read of the store, in a single read transaction (one snapshot):
    /// the enterprises' profiles (ascending id), then every event of every kind as `EventFacts`
    /// with its enterprise id's bytes (valid during the call only; `event` returns false for an
    /// id it does not know, which is reported as a corrupt row), each table in storage
    /// order (rowid: import order) — the feature pass routes events by id, so no index order
    /// is needed and SQLite reads each table front to back. Only the columns the features use
    /// are read (`featureInputColumns`), each event row after its rowid (which names a corrupt
    /// row; an enterprise row is named by its id).
    ///
    /// `digest`, when given, receives the input digest's bytes in chunks: per table a line
    /// `## <table> <column>,<column>,…`, then every row of it in the same storage order, the
    /// values of those columns, each tagged with its type (`DigestWriter`; the rowid is not
    /// digested: the stream's order is the rows' order).
    public func scanFeatureInputs(digest: ((UnsafeRawBufferPointer) -> Void)?,
                                  enterprises: ([EnterpriseProfile]) throws -> Void,
                                  event: (EventFacts, _ enterpriseId: UnsafeRawBufferPointer) throws -> Bool) throws {
        try pool.read { db in
            let digestWriter = digest.map(DigestWriter.init)
            // A second thread steps SQLite and copies rows into batches while this one decodes
            // them, renders the digest and feeds `enterprises` and `event` (both halves cost
            // about the same; the enterprises were first read by this thread alone, 14 % of a
            // run's CPU at 10⁵ firms with nothing beside it). One connection, one read
            // transaction: every batch comes from the same snapshot, tables in order, each in
            // storage order.
            let decoder = EventFactsDecoder()
            let kinds = EventKind.allCases
            // (Event rows after their rowid; the enterprises table is keyed by its first column.)
            let tables = Array(zip(Store.featureInputTables, [Store.featureInputColumns[0]] + Store.featureInputColumns.dropFirst().map { ["rowid"] + $0 }))
            let statements = try tables.map { table, columns in
                try db.makeStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table)")
            }
            let handles = SendableStatements(statements.map(\.sqliteStatement), connection: db.sqliteConnection!)
            let channel = RowBatchChannel()
            let producer = DispatchGroup()
            DispatchQueue.global().async(group: producer) {
                for (index, (table, columnNames)) in tables.enumerated() {
                    let statement = handles.statements[index]
                    let columns = Int32(columnNames.count)
                    // Every table sends at least one batch (maybe empty): the reader writes each
                    // table's digest header when the table changes.
                    guard var batch = channel.emptyBatch() else { return }
                    batch.reset(table: table, columns: columns)
                    while true {
                        let code = sqlite3_step(statement)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else {
                            channel.close(failure: "reading \(table): \(String(cString: sqlite3_errmsg(handles.connection)))")
                            return
                        }
                        batch.append(statement)
                        if batch.isFull {
                            channel.send(batch)
                            guard let next = channel.emptyBatch() else { return }
                            next.reset(table: table, columns: columns)
                            batch = next
                        }
                    }
                    channel.send(batch)
                }
                channel.close()
            }
            defer {
                channel.cancel()
                producer.wait()
                // The statements must outlive the scanning thread that steps their handles.
                withExtendedLifetime(statements) {}
            }
            var profiles: [EnterpriseProfile] = []
            let domainMatcher = TokenMatcher<SupervisionDomain>()
            let statusMatcher = TokenMatcher<RegistrationStatus>()
            var currentTable = ""
            var kind = kinds[0]
            while let batch = channel.receive() {
                if batch.table != currentTable {
                    if currentTable == "enterprises" {
                        try enterprises(profiles)
                        profiles = []
                    }
                    currentTable = batch.table
                    digestWriter?.header(currentTable, columns: Store.featureInputColumns[Store.featureInputTables.firstIndex(of: currentTable)!])
                    if let index = kinds.firstIndex(where: { StoreColumns.table($0) == batch.table }) { kind = kinds[index] }
                }
                digestWriter?.append(batch, fromColumn: batch.table == "enterprises" ? 0 : 1)
                if batch.table == "enterprises" {
                    for index in 0..<batch.rowCount {
                        let row = batch.row(index)
                        var mask: UInt8 = 0
                        // enterprise_id, domains, registered_on, status, status_changed_on.
                        // The `;`-joined domains are matched in place: `split` and a slice's
                        // `withUnsafeBytes` (a generic Foundation path) were 22 % of this thread
                        // while it read the enterprises (perf, 10⁶ firms).
                        let domains = row.bytes(1)
                        var start = 0
                        for end in 0...domains.count where end == domains.count || domains[end] == UInt8(ascii: ";") {
                            guard let domain = domainMatcher.match(UnsafeRawBufferPointer(rebasing: domains[start..<end])) else {
                                throw row.corrupt("bad token '\(row.string(1))'")
                            }
                            mask |= EnterpriseProfile.bit(domain)
                            start = end + 1
                        }
                        // (An id of more bytes than a code holds is corrupt; one of other than 18
                        // is refused by the feature pass, which keys codes of 18.)
                        let id = row.bytes(0)
                        guard id.count <= CreditCode.maximumUTF8Count else { throw row.corrupt("bad enterprise_id '\(row.string(0))'") }
                        profiles.append(EnterpriseProfile(id: CreditCode(uncheckedUTF8: id), domainMask: mask, registeredOn: try row.date(2),
                                                          status: try row.token(3, statusMatcher), statusChangedOn: try row.optionalDate(4)))
                    }
                } else {
                    for index in 0..<batch.rowCount {
                        let row = batch.row(index)
                        guard try event(try decoder.facts(kind, row), row.bytes(1)) else {
                            throw row.corrupt("enterprise_id '\(row.string(1))' is not a stored enterprise")
                        }
                    }
                }
                channel.recycle(batch)
            }
            if let failure = channel.failure { throw StoreError.database(message: failure) }
            digestWriter?.flush()
        }
    }
}

/// A scanned event row (its rowid, then `StoreColumns.featureInput(kind)`) → `EventFacts`.
struct EventFactsDecoder {
    let domain = TokenMatcher<SupervisionDomain>()
    let licenceStatus = TokenMatcher<LicenceStatus>()
    let procedure = TokenMatcher<PenaltyProcedure>()
    let result = TokenMatcher<SamplingResult>()
    let failClass = TokenMatcher<FailClass>()
    let origin = TokenMatcher<InspectionOrigin>()
    let severity = TokenMatcher<FindingSeverity>()
    let substantiation = TokenMatcher<Substantiation>()
    let list = TokenMatcher<ListKind>()

    func facts(_ kind: EventKind, _ row: some StoredRow) throws(StoreError) -> EventFacts {
        // Columns 0–3: rowid, enterprise_id, domain, recorded_on; then the kind's own, from 4.
        let eventDomain = try row.token(2, domain)
        let recordedOn = try row.optionalDate(3)
        let date: CivilDate
        let detail: EventFacts.Detail
        switch kind {
        case .licence:
            // issued_on, status, status_changed_on
            let changed = try row.optionalDate(6)
            let status = try row.token(5, licenceStatus)
            if let changed { date = changed } else { date = try row.date(4) }
            detail = .licence(lapsedOn: status == .revoked || status == .expired ? changed : nil)
        case .penalty:
            // decided_on, procedure, fine_fen, heavy, publicity_ended_on, severity
            date = try row.date(4)
            let stored = row.int(9)
            guard (1...3).contains(stored) else { throw row.corrupt("bad severity \(stored)") }
            detail = .penalty(severity: Int8(stored), heavy: row.int(7) != 0, ordinary: try row.token(5, procedure) == .ordinary,
                              fineFen: row.int(6), publicityEndedOn: try row.optionalDate(8))
        case .samplingTest:
            // sampled_on, result, fail_class, final
            date = try row.date(4)
            let failed = try row.token(5, result) == .fail
            let safety = try row.optionalToken(6, failClass) == .safety
            detail = .samplingTest(isFinal: row.int(7) != 0, failed: failed, safetyFail: failed && safety)
        case .inspection:
            // inspected_on, origin, draw_id, findings_count, max_severity
            date = try row.date(4)
            let random = try row.token(5, origin) == .randomDraw
            detail = .inspection(findings: row.int(7), serious: try row.token(8, severity) == .serious,
                                 randomDrawId: random && !row.isNull(6) ? row.string(6) : nil)
        case .complaint:
            // received_on, substantiated
            date = try row.date(4)
            detail = .complaint(substantiated: try row.token(5, substantiation) == .yes)
        case .listEntry:
            // list, entered_on, exited_on
            date = try row.date(5)
            detail = .listEntry(list: try row.token(4, list), exitedOn: try row.optionalDate(6))
        }
        return EventFacts(date: date, domain: eventDomain, recordedOn: recordedOn, detail: detail)
    }
}

/// The statements and connection the scanning thread steps (handles owned by the read
/// transaction that waits for it).
struct SendableStatements: @unchecked Sendable {
    let statements: [OpaquePointer]
    let connection: OpaquePointer

    init(_ statements: [OpaquePointer], connection: OpaquePointer) {
        self.statements = statements
        self.connection = connection
    }
}
