import Domain
import Testing
@testable import Ingest

@Suite struct ImportFileReaderTests {
    static let e1 = CreditCode(unchecked: "91350100M00010006A")

    func readRows(_ text: String, context: inout ImportContext) throws -> (ImportFileReader, [ImportRow]) {
        let reader = try ImportFileReader(bytes: Array(text.utf8), fileName: "f.csv")
        var rows: [ImportRow] = []
        while let (_, row) = try reader.next(context: &context) { rows.append(row) }
        return (reader, rows)
    }

    @Test func kindFromHeaderWithColumnsInAnyOrder() throws {
        var context = ImportContext(extractDate: nil, enterpriseDomains: [Self.e1: [.food]])
        let text = "category,received_on,substantiated,domain,enterprise_id,event_id\n投诉,2023-01-02,pending,food,91350100M00010006A,C-1\n"
        let (reader, rows) = try readRows(text, context: &context)
        #expect(reader.kind == .complaints)
        guard case let .event(.complaint(complaint)) = rows.first else { Issue.record("not a complaint"); return }
        #expect(complaint.header.recordedOn == nil)  // recorded_on may be omitted
        #expect(complaint.substantiated == .pending)
        #expect(complaint.category == "投诉")
    }

    @Test(arguments: ImportFileKind.allCases)
    func everyKindIsRecognisedFromItsDocumentedHeader(kind: ImportFileKind) throws {
        #expect(try ImportFileKind.recognise(header: kind.columns, file: "x.csv") == kind)
        #expect(try ImportFileKind.recognise(header: kind.columns.reversed(), file: "x.csv") == kind)
    }

    @Test func enterprisesInTheSameImportAreKnownToLaterFiles() throws {
        var context = ImportContext(extractDate: CivilDate(iso: "2024-06-30"))
        let enterprises = """
            enterprise_id,name,domains,district,registered_on,status,status_changed_on,bureau_id
            91350100m00010006a,  示例  ,food,350199,2015-03-02,active,,B

            """
        let (reader, rows) = try readRows(enterprises, context: &context)
        guard case let .enterprise(enterprise) = rows.first else { Issue.record("no enterprise"); return }
        #expect(enterprise.name == "示例")
        #expect(reader.warnings.map(\.description) == [
            "f.csv:2: warning: field 'enterprise_id' '91350100M00010006A': lower-case letters folded to upper case",
            "f.csv:2: warning: field 'district' '350199' differs from positions 3-8 of 91350100M00010006A (a move is legal)",
        ])
        #expect(context.enterpriseDomains[Self.e1] == [.food])
        let penalty = """
            event_id,enterprise_id,domain,recorded_on,decided_on,decision_no,procedure,kinds,fine_cny,confiscated_cny,heavy,publicity_ended_on
            P-1,91350100M00010006A,food,,2023-05-08,n1,ordinary,closure,0,12.5,no,

            """
        let (_, penalties) = try readRows(penalty, context: &context)
        guard case let .event(.penalty(p)) = penalties.first else { Issue.record("no penalty"); return }
        #expect(p.heavy)  // closure is on the Order-44 list
        #expect(p.confiscatedFen == 1250)
        #expect(p.severity == 3)
    }

    @Test func nameIsStoredInNFC() throws {
        var context = ImportContext(extractDate: nil)
        // "é" as e + combining acute (NFD) must be stored as the single scalar U+00E9.
        let text = "enterprise_id,name,domains,district,registered_on,status,status_changed_on,bureau_id\n91350100M00010006A,Cafe\u{301},food,350100,2015-03-02,active,,B\n"
        let (_, rows) = try readRows(text, context: &context)
        guard case let .enterprise(enterprise) = rows.first else { Issue.record("no enterprise"); return }
        #expect(Array(enterprise.name.unicodeScalars) == Array("Caf\u{E9}".unicodeScalars))
    }

    @Test func earlySeriousRepairWarns() throws {
        var context = ImportContext(extractDate: nil, enterpriseDomains: [Self.e1: [.food]])
        let text = "event_id,enterprise_id,domain,recorded_on,list,entered_on,reason,exited_on,exit_reason\nS-1,91350100M00010006A,food,,serious_dishonesty,2022-01-10,heavy_penalty,2022-06-01,credit_repair\n"
        let (reader, _) = try readRows(text, context: &context)
        #expect(reader.warnings.map(\.description) == ["f.csv:2: warning: serious-list exit by credit repair less than 1 year after entry (2022-01-10 → 2022-06-01)"])
    }

    @Test func overlapWithinOneFileNamesTheLaterLine() throws {
        var context = ImportContext(extractDate: nil, enterpriseDomains: [Self.e1: [.food]])
        let text = """
            event_id,enterprise_id,domain,recorded_on,list,entered_on,reason,exited_on,exit_reason
            A-1,91350100M00010006A,food,,abnormal_operation,2022-01-10,unreachable,2022-03-01,remedied
            A-2,91350100M00010006A,food,,abnormal_operation,2022-03-01,unreachable,,
            A-3,91350100M00010006A,food,,abnormal_operation,2022-02-28,unreachable,,

            """
        #expect(throws: IngestError(file: "f.csv", line: 4, field: "entered_on", message: "field 'entered_on' must be outside every other spell of 91350100M00010006A on the abnormal_operation list (event A-1: 2022-01-10–2022-03-01); got '2022-02-28'")) {
            _ = try readRows(text, context: &context)
        }
    }
}
