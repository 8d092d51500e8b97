import Domain
import Foundation
import RiskTierKit
import Store
import Testing

@Suite struct StoreTests {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static func loadedStore() throws -> Store {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("s.sqlite").path
        _ = try Store.create(path: path)
        let base = repoRoot.appendingPathComponent("Datasets/bad-input/base")
        let files = try FileManager.default.contentsOfDirectory(atPath: base.path).sorted().map { base.appendingPathComponent($0).path }
        _ = try ImportRun.run(storePath: path, paths: files, extractDate: CivilDate(iso: "2024-06-30"))
        return try Store.open(path: path)
    }

    @Test func enterprisesDecodeAndActiveFilter() throws {
        let store = try Self.loadedStore()
        let all = try store.enterprises()
        #expect(all.map(\.id.value) == ["91350100M00010006A", "91350100M0001TGQXM", "91350102MA2Y3K4LX1", "92350103L000000111", "93350104N12345679D"])
        let first = all[0]
        #expect(first.name == "福州示例食品有限公司")
        #expect(first.domains == [.food, .drug])
        #expect(first.entityType == .enterprise)
        #expect(all[3].entityType == .individualBusiness)
        #expect(all[4].entityType == .farmersCooperative)
        // 92350103L000000111 was cancelled on 2023-11-30.
        #expect(try store.enterprises(activeOn: CivilDate(iso: "2023-11-29")!).count == 5)
        #expect(try store.enterprises(activeOn: CivilDate(iso: "2023-11-30")!).map(\.id.value).contains("92350103L000000111") == false)
    }

    @Test func eventCursorIsOrderedByEnterpriseThenDateAndRoundTrips() throws {
        let store = try Self.loadedStore()
        var penalties: [Penalty] = []
        try store.forEachEvent(of: .penalty) { event in
            guard case let .penalty(penalty) = event else { Issue.record("wrong kind"); return }
            penalties.append(penalty)
        }
        #expect(penalties.map(\.header.eventId) == ["P-1", "P-2"])
        #expect(penalties[0].fineFen == 500_000)
        #expect(penalties[0].kinds == [.warning, .fine])
        #expect(penalties[0].severity == 2)
        #expect(penalties[1].fineFen == 20_050)
        #expect(penalties[1].severity == 1)
        var inspections: [Inspection] = []
        try store.forEachEvent(of: .inspection) { if case let .inspection(i) = $0 { inspections.append(i) } }
        #expect(inspections.map(\.inspectorIds) == [["I001", "I002"], ["I001"]])
        #expect(try store.eventCount(of: .samplingTest) == 2)
        #expect(try store.inspectors().map(\.id) == ["E001", "I001", "I002"])
        #expect(try store.conflicts().map(\.reason) == [.kinship])
    }

    @Test func conflictingEventRollsBackTheWholeTransaction() throws {
        let store = try Self.loadedStore()
        let before = try store.dump()
        let header = try EventHeader(eventId: "P-1", enterpriseId: CreditCode(unchecked: "91350100M00010006A"), domain: .food, recordedOn: nil)
        let changed = try Penalty(header: header, decidedOn: CivilDate(iso: "2023-05-08")!, decisionNo: "x", procedure: .ordinary,
                                  kinds: [.warning], fineFen: 0, confiscatedFen: 0, heavy: false, publicityEndedOn: nil)
        let complaintHeader = try EventHeader(eventId: "C-new", enterpriseId: CreditCode(unchecked: "91350100M00010006A"), domain: .food, recordedOn: nil)
        let complaint = try Complaint(header: complaintHeader, receivedOn: CivilDate(iso: "2024-01-01")!, substantiated: .no, category: "x")
        #expect(throws: StoreError.self) {
            try store.write { writer in
                #expect(try writer.save(.complaint(complaint)) == .inserted)
                try writer.save(.penalty(changed))
            }
        }
        #expect(try store.dump() == before)
    }

    @Test func savingTheSameEventTwiceIsUnchanged() throws {
        let store = try Self.loadedStore()
        let header = try EventHeader(eventId: "C-x", enterpriseId: CreditCode(unchecked: "91350102MA2Y3K4LX1"), domain: .drug, recordedOn: nil)
        let complaint = try Complaint(header: header, receivedOn: CivilDate(iso: "2024-01-01")!, substantiated: .pending, category: "y")
        let outcomes = try store.write { writer in [try writer.save(.complaint(complaint)), try writer.save(.complaint(complaint))] }
        #expect(outcomes == [.inserted, .unchanged])
    }

    @Test func enterpriseExportUpdatesStatus() throws {
        let store = try Self.loadedStore()
        let old = try store.enterprises()[0]
        let revoked = try Enterprise(id: old.id, name: old.name, domains: old.domains, district: old.district, registeredOn: old.registeredOn,
                                     status: .revoked, statusChangedOn: CivilDate(iso: "2024-05-01"), bureauId: old.bureauId)
        #expect(try store.write { try $0.save(revoked) } == .updated)
        #expect(try store.enterprises()[0].status == .revoked)
    }
}
