import Domain
import GRDB

/// Writes inside one transaction opened by `Store.write`. Inserting what is already stored is a
/// no-op; an event whose event_id is stored with other content is an error.
public struct StoreWriter {
    let db: Database
    private let statements = StatementCache()

    init(db: Database) { self.db = db }

    /// The import's statements, prepared once per transaction: GRDB's `cachedStatement(sql:)`
    /// hashes the whole SQL text on every call, a few hundred bytes per row.
    private final class StatementCache {
        var events: [EventKind: Statement] = [:]
        var inserts: [String: Statement] = [:]
        var eventMatches: [EventKind: Statement] = [:]
        var matches: [String: Statement] = [:]
        let arena = BindArena()
    }

    private func eventMatch(_ kind: EventKind) throws -> Statement {
        if let statement = statements.eventMatches[kind] { return statement }
        let statement = try db.makeStatement(sql: StoreWriter.matchSQL(table: StoreColumns.table(kind), columns: StoreColumns.columns(kind), keyCount: 1))
        statements.eventMatches[kind] = statement
        return statement
    }

    private func masterMatch(_ table: String, columns: [String], keyCount: Int) throws -> Statement {
        if let statement = statements.matches[table] { return statement }
        let statement = try db.makeStatement(sql: StoreWriter.matchSQL(table: table, columns: columns, keyCount: keyCount))
        statements.matches[table] = statement
        return statement
    }

    /// `SELECT EXISTS (… WHERE key = ? AND … AND column IS ? …)` with one parameter per column in
    /// `columns` order, bound by the same code as the INSERT: is this exact row already stored?
    /// `IS` compares NULLs as equal; the column affinities convert the bound values as they did
    /// when the row was inserted, so this says yes exactly when `Row.databaseValues == values`.
    static func matchSQL(table: String, columns: [String], keyCount: Int) -> String {
        let tests = columns.enumerated().map { index, column in index < keyCount ? "\(column) = ?" : "\(column) IS ?" }
        return "SELECT EXISTS (SELECT 1 FROM \(table) WHERE \(tests.joined(separator: " AND ")))"
    }

    private func eventInsert(_ kind: EventKind) throws -> Statement {
        if let statement = statements.events[kind] { return statement }
        let statement = try db.makeStatement(sql: StoreWriter.eventSQL[kind]!.insert)
        statements.events[kind] = statement
        return statement
    }

    private func masterInsert(_ table: String) throws -> Statement {
        if let statement = statements.inserts[table] { return statement }
        let statement = try db.makeStatement(sql: StoreWriter.insertSQL[table]!)
        statements.inserts[table] = statement
        return statement
    }

    /// What an insert did.
    public enum Outcome: Sendable, Equatable {
        case inserted
        /// Already stored with the same content.
        case unchanged
        /// Master data (enterprise, inspector, conflict validity) replaced by the newer export.
        case updated
    }

    private func upsert(table: String, columns: [String], keyCount: Int, values: [DatabaseValue]) throws -> Outcome {
        let keyColumns = Array(columns.prefix(keyCount))
        let where_ = keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) WHERE \(where_)"),
                                        arguments: StatementArguments(Array(values.prefix(keyCount))))
        if let existing {
            if Array(existing.databaseValues) == values { return .unchanged }
            let sets = columns.dropFirst(keyCount).map { "\($0) = ?" }.joined(separator: ", ")
            try db.cachedStatement(sql: "UPDATE \(table) SET \(sets) WHERE \(where_)")
                .execute(arguments: StatementArguments(Array(values.dropFirst(keyCount)) + Array(values.prefix(keyCount))))
            return .updated
        }
        try insertRow(table: table, columns: columns, values: values)
        return .inserted
    }

    private func insertRow(table: String, columns: [String], values: [DatabaseValue]) throws {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
            .execute(arguments: StatementArguments(values))
    }

    /// Inserts or replaces an enterprise (a later export may change its status or domains).
    @discardableResult
    public func save(_ enterprise: Enterprise) throws -> Outcome {
        try insertOrUpsert(table: "enterprises", columns: StoreColumns.enterprise, keyCount: 1, values: { StoreColumns.values(enterprise) }) { raw in
            raw.text(enterprise.id.value); raw.text(enterprise.name); raw.text(StoreColumns.joined(enterprise.domains))
            raw.text(enterprise.district); raw.date(enterprise.registeredOn); raw.token(enterprise.status)
            raw.date(enterprise.statusChangedOn); raw.text(enterprise.bureauId); raw.token(enterprise.entityType)
        }
    }

    @discardableResult
    public func save(_ inspector: Inspector) throws -> Outcome {
        try insertOrUpsert(table: "inspectors", columns: StoreColumns.inspector, keyCount: 1, values: { StoreColumns.values(inspector) }) { raw in
            raw.text(inspector.id); raw.text(inspector.name); raw.text(inspector.bureauId); raw.text(inspector.district)
            raw.text(StoreColumns.joined(inspector.domains)); raw.token(inspector.role); raw.text(inspector.certNo)
            raw.date(inspector.certValidUntil); raw.int(inspector.capacity); raw.bool(inspector.active)
        }
    }

    /// Keyed by (inspector, enterprise, reason, declared_on); `valid_until` may be updated.
    @discardableResult
    public func save(_ conflict: Conflict) throws -> Outcome {
        try insertOrUpsert(table: "conflicts", columns: StoreColumns.conflict, keyCount: 4, values: { StoreColumns.values(conflict) }) { raw in
            raw.text(conflict.inspectorId); raw.text(conflict.enterpriseId.value); raw.token(conflict.reason)
            raw.date(conflict.declaredOn); raw.date(conflict.validUntil)
        }
    }

    /// `INSERT … ON CONFLICT DO NOTHING` with the values bound straight from the value
    /// (`bind`, in `columns` order, each as `values` gives it); only a row whose key is already
    /// stored pays for the value array and the SELECT/UPDATE of `upsert`. A first import of
    /// 10^6 enterprises did one SELECT per row before.
    private func insertOrUpsert(table: String, columns: [String], keyCount: Int, values: () -> [DatabaseValue],
                                bind: (inout RawInsert) -> Void) throws -> Outcome {
        let insert = try masterInsert(table)
        var raw = RawInsert(insert, arena: statements.arena)
        bind(&raw)
        if raw.step() {
            if db.changesCount == 1 { return .inserted }
        } else {
            // Rerun through GRDB so that a failure is reported exactly as before.
            try insert.execute(arguments: StatementArguments(values()))
            if db.changesCount == 1 { return .inserted }
        }
        // Stored already: the same row (an identical re-import) is answered by one bound query.
        var match = RawInsert(try masterMatch(table, columns: columns, keyCount: keyCount), arena: statements.arena)
        bind(&match)
        if match.stepExists() == true { return .unchanged }
        return try upsert(table: table, columns: columns, keyCount: keyCount, values: values())
    }

    @discardableResult
    public func saveUSCCException(_ code: CreditCode) throws -> Outcome {
        try db.cachedStatement(sql: "INSERT INTO uscc_exceptions (enterprise_id) VALUES (?) ON CONFLICT DO NOTHING")
            .execute(arguments: [code.value])
        return db.changesCount == 1 ? .inserted : .unchanged
    }

    /// Inserts an event; `.unchanged` when stored with the same content; throws
    /// `StoreError.conflictingEvent` when stored with different content.
    @discardableResult
    public func save(_ event: Event) throws -> Outcome {
        let insert = try eventInsert(event.kind)
        var raw = RawInsert(insert, arena: statements.arena)
        StoreWriter.bind(event, to: &raw)
        if raw.step() {
            if db.changesCount == 1 { return .inserted }
        } else {
            // Rerun through GRDB so that a failure is reported exactly as before.
            try insert.execute(arguments: StatementArguments(StoreColumns.values(event)))
            if db.changesCount == 1 { return .inserted }
        }
        // Already stored. The same row (an identical re-import) is answered by one query bound
        // like the INSERT: before, every such row paid for a Row, two value arrays and their
        // comparison, and an identical re-import cost about twice a first import.
        var match = RawInsert(try eventMatch(event.kind), arena: statements.arena)
        StoreWriter.bind(event, to: &match)
        if match.stepExists() == true { return .unchanged }
        // A clash (or a failed query): the only rows that pay for a SELECT and the value arrays,
        // which name the differing columns.
        let table = StoreColumns.table(event.kind)
        let columns = StoreColumns.columns(event.kind)
        let values = StoreColumns.values(event)
        let existing = try Row.fetchOne(db.cachedStatement(sql: StoreWriter.eventSQL[event.kind]!.select), arguments: [event.header.eventId])!
        let stored = Array(existing.databaseValues)
        if stored == values { return .unchanged }
        let differences = zip(columns, zip(stored, values)).filter { $1.0 != $1.1 }.map { column, pair in
            "\(column): stored '\(text(pair.0))', new '\(text(pair.1))'"
        }.joined(separator: "; ")
        throw StoreError.conflictingEvent(table: table, eventId: event.header.eventId, differences: differences)
    }

    /// Binds the columns of `StoreColumns.columns(event.kind)` in order, each as
    /// `StoreColumns.values(event)` would give it.
    static func bind(_ event: Event, to raw: inout RawInsert) {
        func header(_ h: EventHeader) {
            raw.text(h.eventId); raw.text(h.enterpriseId.value); raw.token(h.domain); raw.date(h.recordedOn)
        }
        switch event {
        case let .licence(l):
            header(l.header)
            raw.text(l.licenceId); raw.text(l.licenceType); raw.date(l.issuedOn); raw.date(l.expiresOn)
            raw.token(l.status); raw.date(l.statusChangedOn)
        case let .penalty(p):
            header(p.header)
            raw.date(p.decidedOn); raw.text(p.decisionNo); raw.token(p.procedure); raw.text(StoreColumns.joined(p.kinds))
            raw.int(p.fineFen); raw.int(p.confiscatedFen); raw.bool(p.heavy); raw.date(p.publicityEndedOn); raw.int(p.severity)
        case let .samplingTest(s):
            header(s.header)
            raw.date(s.sampledOn); raw.text(s.productCategory); raw.token(s.stage); raw.token(s.result)
            raw.token(s.failClass); raw.bool(s.isFinal)
        case let .inspection(i):
            header(i.header)
            raw.date(i.inspectedOn); raw.token(i.origin); raw.text(i.drawId); raw.int(i.findingsCount)
            raw.token(i.maxSeverity); raw.token(i.outcome); raw.text(i.inspectorIds.joined(separator: ";"))
        case let .complaint(c):
            header(c.header)
            raw.date(c.receivedOn); raw.token(c.substantiated); raw.text(c.category)
        case let .listEntry(l):
            header(l.header)
            raw.token(l.list); raw.date(l.enteredOn); raw.token(l.reason); raw.date(l.exitedOn); raw.token(l.exitReason)
        }
    }

    /// `INSERT … ON CONFLICT DO NOTHING` per master-data table, built once.
    static let insertSQL: [String: String] = {
        var result: [String: String] = [:]
        for (table, columns) in [("enterprises", StoreColumns.enterprise), ("inspectors", StoreColumns.inspector), ("conflicts", StoreColumns.conflict)] {
            let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
            result[table] = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks)) ON CONFLICT DO NOTHING"
        }
        return result
    }()

    /// SQL per event kind, built once rather than per row (the statement cache is keyed by text).
    static let eventSQL: [EventKind: (insert: String, select: String)] = {
        var result: [EventKind: (insert: String, select: String)] = [:]
        for kind in EventKind.allCases {
            let table = StoreColumns.table(kind)
            let columns = StoreColumns.columns(kind).joined(separator: ", ")
            let marks = Array(repeating: "?", count: StoreColumns.columns(kind).count).joined(separator: ", ")
            result[kind] = ("INSERT INTO \(table) (\(columns)) VALUES (\(marks)) ON CONFLICT(event_id) DO NOTHING",
                            "SELECT \(columns) FROM \(table) WHERE event_id = ?")
        }
        return result
    }()

    private func text(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return ""
        case let .int64(v): return String(v)
        case let .double(v): return String(v)
        case let .string(v): return v
        case .blob: return "<blob>"
        }
    }
}
