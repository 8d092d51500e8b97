import Domain
import GRDB

extension Store {
    /// Enterprise ids with their domains: what cross-file import rules check against.
    /// Memory proportional to enterprises.
    public func enterpriseDomains() throws(StoreError) -> [CreditCode: Set<SupervisionDomain>] {
        try run {
            try pool.read { db in
                var result: [CreditCode: Set<SupervisionDomain>] = [:]
                let rows = try Row.fetchCursor(db, sql: "SELECT enterprise_id, domains FROM enterprises")
                while let row = try rows.next() {
                    let id: String = row[0]
                    result[try Decode.code(id, table: "enterprises", key: id)] = try Decode.domains(row[1], table: "enterprises", key: id)
                }
                return result
            }
        }
    }

    public func inspectorIds() throws(StoreError) -> Set<String> {
        try run { try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT inspector_id FROM inspectors")) } }
    }

    public func usccExceptions() throws(StoreError) -> Set<String> {
        try run { try pool.read { db in Set(try String.fetchAll(db, sql: "SELECT enterprise_id FROM uscc_exceptions")) } }
    }

    /// List spells (event id, entry, exit) per enterprise and list, for the overlap rule.
    public func listSpells() throws(StoreError) -> [(enterpriseId: CreditCode, list: ListKind, eventId: String, enteredOn: CivilDate, exitedOn: CivilDate?)] {
        try run {
            try pool.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT enterprise_id, list, event_id, entered_on, exited_on FROM list_entries ORDER BY enterprise_id, list, entered_on")
                return try rows.map { row in
                    let key: String = row[2]
                    return (try Decode.code(row[0], table: "list_entries", key: key), try Decode.token(row[1], ListKind.self, table: "list_entries", key: key), key,
                            try Decode.date(row[3], table: "list_entries", key: key), try Decode.optionalDate(row[4], table: "list_entries", key: key))
                }
            }
        }
    }

    /// All enterprises, by id (byte order).
    public func enterprises() throws(StoreError) -> [Enterprise] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT \(StoreColumns.enterprise.joined(separator: ", ")) FROM enterprises ORDER BY enterprise_id")
                    .map(Decode.enterprise)
            }
        }
    }

    /// Enterprises registered on or before `date` and not yet revoked, cancelled, annulled or
    /// moved out on it, by id.
    public func enterprises(activeOn date: CivilDate) throws(StoreError) -> [Enterprise] {
        try enterprises().filter { $0.isActive(on: date) }
    }

    /// All inspectors, by id.
    public func inspectors() throws(StoreError) -> [Inspector] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT \(StoreColumns.inspector.joined(separator: ", ")) FROM inspectors ORDER BY inspector_id")
                    .map(Decode.inspector)
            }
        }
    }

    /// All declared conflicts, by (inspector, enterprise, reason, declared_on).
    public func conflicts() throws(StoreError) -> [Conflict] {
        try run {
            try pool.read { db in
                try Row.fetchAll(db, sql: "SELECT \(StoreColumns.conflict.joined(separator: ", ")) FROM conflicts ORDER BY inspector_id, enterprise_id, reason, declared_on")
                    .map(Decode.conflict)
            }
        }
    }

    /// Streams every event of `kind`, ordered by enterprise id, then event date, then event id
    /// (SQLite sorts the table: no index serves that order since `v5-drop-event-indexes`), or
    /// with `ordered: false` in storage order, for callers whose result does not depend on the
    /// order (no sort). Rows are decoded one at a time; an unordered pass's memory does not grow
    /// with the number of events.
    public func forEachEvent(of kind: EventKind, ordered: Bool = true, _ body: (Event) throws -> Void) throws {
        let columns = StoreColumns.columns(kind)
        let table = StoreColumns.table(kind)
        let order = ordered ? " ORDER BY enterprise_id, \(StoreColumns.dateColumn(kind)), event_id" : ""
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table)\(order)")
            while let row = try rows.next() {
                try body(try Decode.event(kind, row))
            }
        }
    }

    /// Whether any enterprise is stored (a store that was imported). One row read, where
    /// `counts()` counts every row of every table (seconds on a 10⁶-firm store).
    public func hasEnterprises() throws(StoreError) -> Bool {
        try run { try pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM enterprises)") ?? false } }
    }

    /// Number of stored events of `kind`.
    public func eventCount(of kind: EventKind) throws(StoreError) -> Int {
        try run { try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(StoreColumns.table(kind))") ?? 0 } }
    }
}

extension Store {
    /// Calls `body` with each stored enterprise's id and domains, one row at a time, so that the
    /// caller can build a compact index without a whole dictionary of strings and sets at once.
    public func forEachEnterpriseDomains(_ body: (CreditCode, Set<SupervisionDomain>) throws -> Void) throws {
        try pool.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT enterprise_id, domains FROM enterprises")
            while let row = try rows.next() {
                let id: String = row[0]
                try body(try Decode.code(id, table: "enterprises", key: id), try Decode.domains(row[1], table: "enterprises", key: id))
            }
        }
    }
}
