import Domain
import GRDB
@testable import Store
import Testing

/// `RenderedRows` is the one definition of how a value is stored: these tests tie it to the
/// schema and to what the store's readers decode.
@Suite struct RenderedRowsTests {
    @Test func everyTableRendersTheSchemasColumnsInOrder() throws {
        let store = try StoreTests.loadedStore()
        try store.pool.read { db in
            for table in ImportFileFormat.allCases {
                let names = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.table))").map { $0["name"] as String }
                #expect(names == table.storedColumns, "\(table)")
            }
        }
    }

    @Test func storeIndexIsTheDeclarationOrderAndKindsMapBothWays() {
        #expect(ImportFileFormat.allCases.map(\.storeIndex) == Array(ImportFileFormat.allCases.indices))
        for kind in EventKind.allCases { #expect(ImportFileFormat(kind).eventKind == kind) }
        #expect(ImportFileFormat.allCases.filter { $0.eventKind != nil }.count == EventKind.allCases.count)
    }

    /// Reads every stored row back into its domain value (the readers of Store+Reading), renders
    /// it again, and compares the rendered values with the stored row, value by value and type by
    /// type (GRDB's `DatabaseValue` equality tells text "1" from integer 1).
    @Test func renderingAStoredValueGivesTheStoredRow() throws {
        let store = try StoreTests.loadedStore()
        var rows = RenderedRows()
        for code in try store.usccExceptions().sorted() { rows.appendUSCCException(CreditCode(unchecked: code), line: 0) }
        for enterprise in try store.enterprises() { rows.append(enterprise, line: 0) }
        for inspector in try store.inspectors() { rows.append(inspector, line: 0) }
        for conflict in try store.conflicts() { rows.append(conflict, line: 0) }
        for kind in EventKind.allCases {
            try store.forEachEvent(of: kind) { rows.append($0, line: 0) }
        }
        var seen = Set<ImportFileFormat>()
        try store.pool.read { db in
            for index in 0..<rows.count {
                let table = rows.table(at: index)
                seen.insert(table)
                let values = rows.values(at: index)
                let key = Array(values.prefix(table.keyCount))
                let stored = try #require(try Row.fetchOne(db, sql: table.storeSQL.select, arguments: StatementArguments(key)))
                #expect(Array(stored.databaseValues) == values, "\(table) \(key)")
            }
        }
        // The fixture has a row of every table, so every renderer was checked.
        #expect(seen == Set(ImportFileFormat.allCases))
    }

    /// Binding a rendered row is exactly `values(at:)`: a row inserted through `save` reads back
    /// with the same values, including empty text, non-ASCII text, NULLs and integers.
    @Test func savedRowsReadBackAsRendered() throws {
        let store = try StoreTests.loadedStore()
        let code = CreditCode(unchecked: "91350100M00010006A")
        let header = try EventHeader(eventId: "C-render", enterpriseId: code, domain: .food, recordedOn: nil)
        let complaint = Event.complaint(try Complaint(header: header, receivedOn: CivilDate(iso: "2024-01-02")!, substantiated: .pending, category: "食品安全·标签"))
        let inspectionHeader = try EventHeader(eventId: "I-render", enterpriseId: code, domain: .food, recordedOn: CivilDate(iso: "2024-02-01"))
        let inspection = Event.inspection(try Inspection(header: inspectionHeader, inspectedOn: CivilDate(iso: "2024-01-31")!, origin: .routine,
                                                         drawId: nil, findingsCount: 3, maxSeverity: .minor, outcome: .corrected,
                                                         inspectorIds: ["I002", "I001"]))
        var rows = RenderedRows()
        rows.append(complaint, line: 7)
        rows.append(inspection, line: 8)
        #expect(rows.line(at: 1) == 8)
        let outcomes = try store.write { writer in try (0..<rows.count).map { try writer.save(rows, at: $0) } }
        #expect(outcomes == [.inserted, .inserted])
        try store.pool.read { db in
            for index in 0..<rows.count {
                let table = rows.table(at: index)
                let stored = try #require(try Row.fetchOne(db, sql: table.storeSQL.select, arguments: [rows.values(at: index)[0]]))
                #expect(Array(stored.databaseValues) == rows.values(at: index))
            }
            let ids = try String.fetchOne(db, sql: "SELECT inspector_ids FROM inspections WHERE event_id = 'I-render'")
            #expect(ids == "I001;I002")
            let recorded = try DatabaseValue.fetchOne(db, sql: "SELECT recorded_on FROM complaints WHERE event_id = 'C-render'")
            #expect(recorded == .null)
        }
        // Saving the same rows again is a no-op answered by the match query.
        #expect(try store.write { writer in try (0..<rows.count).map { try writer.save(rows, at: $0) } } == [.unchanged, .unchanged])
    }
}
