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

    /// The rows it reads of each table (`featureInputTables` order): an SQL condition, or nil for
    /// every row (`StoreColumns.featureInputFilter`: of the licences, only those that lapsed).
    public static let featureInputConditions = [nil] + EventKind.allCases.map { StoreColumns.featureInputFilter($0)?.condition }

    /// The query that reads table `index` of `featureInputTables`.
    public static func featureInputSQL(_ index: Int) -> String {
        "SELECT \(featureInputColumns[index].joined(separator: ", ")) FROM \(featureInputTables[index])\(featureInputWhere(index))"
    }

    /// ` WHERE <condition>` for table `index` of `featureInputTables`, or "" when every row is read.
    static func featureInputWhere(_ index: Int) -> String {
        featureInputConditions[index].map { " WHERE \($0)" } ?? ""
    }

    /// The monthly run's one read of the store, in a single read transaction (one snapshot):
    /// the enterprises' profiles (ascending id), then every event of every kind as `EventFacts`
    /// with its enterprise id's bytes (valid during the call only; `event` returns false for an
    /// id it does not know, which is reported as a corrupt row), each table in storage
    /// order (rowid: import order) — the feature pass routes events by id, so no index order
    /// is needed and SQLite reads each table front to back. Only the columns the features use
    /// are read (`featureInputColumns`). A corrupt event row is named by its rowid, looked up
    /// from its position once the scan has stopped (the rowid is not read per row: one column of
    /// about eight on the scanning thread, which bounds the scan); an enterprise row by its id.
    ///
    /// Rows no feature reads are skipped (`featureInputConditions`: licences that never lapsed).
    ///
    /// `digest`, when given, receives the input digest's bytes in chunks: per table a line
    /// `## <table> <column>,<column>,…` (and ` WHERE <condition>` where rows are skipped), then
    /// every row read in the same storage order, the values of those columns, each tagged with
    /// its type (`DigestWriter`; the rowid is not digested: the stream's order is the rows' order).
    ///
    /// Returns the newest event date (nil: no event), as far as `newestSuffices` needs it: that
    /// of the rows read, and where `newestSuffices` refuses it, the newest of the skipped rows
    /// too, looked up in the same snapshot (a query of its own; the callers' checks pass on a
    /// store with current data, so the usual run reads no skipped row). `newestSuffices` must
    /// not refuse a later date where it accepts an earlier one: then a date it accepts may be
    /// below the store's newest, and a date it refuses is exact.
    @discardableResult
    public func scanFeatureInputs(digest: ((UnsafeRawBufferPointer) -> Void)?,
                                  enterprises: ([EnterpriseProfile]) throws -> Void,
                                  event: (EventFacts, _ enterpriseId: UnsafeRawBufferPointer) throws -> Bool,
                                  newestSuffices: (CivilDate?) -> Bool = { _ in true }) throws -> CivilDate? {
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
            let tables = Array(zip(Store.featureInputTables, Store.featureInputColumns))
            let statements = try tables.indices.map { try db.makeStatement(sql: Store.featureInputSQL($0)) }
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
                    var rows = 0
                    batch.reset(table: table, columns: columns, firstRow: rows)
                    while true {
                        let code = sqlite3_step(statement)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else {
                            channel.close(failure: "reading \(table): \(String(cString: sqlite3_errmsg(handles.connection)))")
                            return
                        }
                        batch.append(statement)
                        rows += 1
                        if batch.isFull {
                            channel.send(batch)
                            guard let next = channel.emptyBatch() else { return }
                            next.reset(table: table, columns: columns, firstRow: rows)
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
            var newest: CivilDate?
            // A corrupt event row: its table, its position in the table's storage order, and what
            // is wrong (named by rowid once the scanning thread has stopped).
            var corruptEvent: (table: String, position: Int, message: String)?
            batches: while let batch = channel.receive() {
                if batch.table != currentTable {
                    if currentTable == "enterprises" {
                        try enterprises(profiles)
                        profiles = []
                    }
                    currentTable = batch.table
                    let index = Store.featureInputTables.firstIndex(of: currentTable)!
                    digestWriter?.header(currentTable, columns: Store.featureInputColumns[index], condition: Store.featureInputConditions[index])
                    if let index = kinds.firstIndex(where: { StoreColumns.table($0) == batch.table }) { kind = kinds[index] }
                }
                digestWriter?.append(batch)
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
                        let facts: EventFacts
                        do {
                            facts = try decoder.facts(kind, row)
                        } catch let StoreError.corrupt(table, _, message) {
                            corruptEvent = (table, batch.firstRow + index, message)
                            break batches
                        }
                        if newest.map({ facts.date > $0 }) ?? true { newest = facts.date }
                        guard try event(facts, row.bytes(0)) else {
                            corruptEvent = (batch.table, batch.firstRow + index, "enterprise_id '\(row.string(0))' is not a stored enterprise")
                            break batches
                        }
                    }
                }
                channel.recycle(batch)
            }
            if let corruptEvent {
                // The scanning thread stops first: the connection is then this thread's. A rowid
                // table is scanned in rowid order, so the row's position gives its rowid.
                channel.cancel()
                producer.wait()
                // (The position counts the rows read: those the table's condition admits.)
                let filter = Store.featureInputWhere(Store.featureInputTables.firstIndex(of: corruptEvent.table)!)
                let rowid = try Int64.fetchOne(db, sql: "SELECT rowid FROM \(corruptEvent.table)\(filter) ORDER BY rowid LIMIT 1 OFFSET ?",
                                               arguments: [corruptEvent.position])
                throw StoreError.corrupt(table: corruptEvent.table, key: rowid.map { "rowid \($0)" } ?? "position \(corruptEvent.position + 1)", message: corruptEvent.message)
            }
            if let failure = channel.failure { throw StoreError.database(message: failure) }
            digestWriter?.flush()
            if !newestSuffices(newest) {
                for kind in kinds {
                    guard let filter = StoreColumns.featureInputFilter(kind) else { continue }
                    let table = StoreColumns.table(kind)
                    guard let text = try String.fetchOne(db, sql: "SELECT MAX(\(filter.skippedDateSQL)) FROM \(table) WHERE NOT (\(filter.condition))") else { continue }
                    guard let date = CivilDate(iso: text) else {
                        throw StoreError.corrupt(table: table, key: "*", message: "bad date '\(text)' (the newest of the rows the features skip)")
                    }
                    if newest.map({ date > $0 }) ?? true { newest = date }
                }
            }
            return newest
        }
    }
}

/// A scanned event row (`StoreColumns.featureInput(kind)`) → `EventFacts`.
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
        // Columns 0–2: enterprise_id, domain, recorded_on; then the kind's own, from 3.
        let eventDomain = try row.token(1, domain)
        let recordedOn = try row.optionalDate(2)
        let date: CivilDate
        let detail: EventFacts.Detail
        switch kind {
        case .licence:
            // issued_on, status, status_changed_on
            let changed = try row.optionalDate(5)
            let status = try row.token(4, licenceStatus)
            if let changed { date = changed } else { date = try row.date(3) }
            detail = .licence(lapsedOn: status == .revoked || status == .expired ? changed : nil)
        case .penalty:
            // decided_on, procedure, fine_fen, heavy, publicity_ended_on, severity
            date = try row.date(3)
            let stored = row.int(8)
            guard (1...3).contains(stored) else { throw row.corrupt("bad severity \(stored)") }
            detail = .penalty(severity: Int8(stored), heavy: row.int(6) != 0, ordinary: try row.token(4, procedure) == .ordinary,
                              fineFen: row.int(5), publicityEndedOn: try row.optionalDate(7))
        case .samplingTest:
            // sampled_on, result, fail_class, final
            date = try row.date(3)
            let failed = try row.token(4, result) == .fail
            let safety = try row.optionalToken(5, failClass) == .safety
            detail = .samplingTest(isFinal: row.int(6) != 0, failed: failed, safetyFail: failed && safety)
        case .inspection:
            // inspected_on, origin, draw_id, findings_count, max_severity
            date = try row.date(3)
            let random = try row.token(4, origin) == .randomDraw
            detail = .inspection(findings: row.int(6), serious: try row.token(7, severity) == .serious,
                                 randomDrawId: random && !row.isNull(5) ? row.string(5) : nil)
        case .complaint:
            // received_on, substantiated
            date = try row.date(3)
            detail = .complaint(substantiated: try row.token(4, substantiation) == .yes)
        case .listEntry:
            // list, entered_on, exited_on
            date = try row.date(4)
            detail = .listEntry(list: try row.token(3, list), exitedOn: try row.optionalDate(5))
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
