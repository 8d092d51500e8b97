import Domain
import Foundation
import RiskTierKit
@testable import Store
import GRDB
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

/// The monthly run's raw scan (`scanFeatureInputs`) against the general decoding path.
@Suite struct FeatureScanTests {
    /// The fixture's one licence is valid: a revoked one is added (the scan reads only those
    /// that lapsed).
    static func storeWithLapsedLicence() throws -> Store {
        let store = try StoreTests.loadedStore()
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: """
                INSERT INTO licences SELECT 'L-2', enterprise_id, domain, recorded_on, 'JY13501000002', licence_type, issued_on, expires_on,
                                            'revoked', '2023-02-01'
                FROM licences WHERE event_id = 'L-1'
                """)
        }
        return store
    }

    @Test func scanGivesEveryStoredEventAsItsFactsAndEveryEnterpriseAsItsProfile() throws {
        let store = try Self.storeWithLapsedLicence()
        var expected: [EventFacts: Int] = [:]
        var total = 0, skipped = 0
        for kind in EventKind.allCases {
            try store.forEachEvent(of: kind) { event in
                // A licence that never lapsed (valid, suspended, cancelled) is read by no feature.
                if case let .licence(licence) = event, licence.status != .revoked, licence.status != .expired {
                    skipped += 1
                    return
                }
                expected[EventFacts(event), default: 0] += 1
                total += 1
            }
        }
        #expect(skipped == 1 && expected.keys.contains { if case .licence = $0.detail { true } else { false } })
        var scanned: [EventFacts: Int] = [:]
        var routed: [String] = []
        var profiles: [EnterpriseProfile] = []
        var digest: [UInt8] = []
        try store.scanFeatureInputs(digest: { digest.append(contentsOf: $0) },
                                    enterprises: { profiles = $0 },
                                    event: { facts, id in
                                        scanned[facts, default: 0] += 1
                                        routed.append(String(decoding: id, as: UTF8.self))
                                        return true
                                    })
        #expect(total > 5)
        #expect(scanned == expected)
        #expect(profiles == (try store.enterprises()).map(EnterpriseProfile.init))
        #expect(Set(routed).isSubset(of: Set(profiles.map(\.id.value))))
        // The digest stream: one header per table read, naming the columns read, then the
        // values of those columns of every row, in storage order, as the store holds them.
        let decoded = try #require(Self.decodeDigest(digest))
        #expect(decoded.map(\.table) == Store.featureInputTables)
        #expect(decoded.first?.values.count == StoreColumns.enterpriseFeatureInput.count * profiles.count)
        let header = Array("## enterprises enterprise_id,domains,registered_on,status,status_changed_on\n".utf8)
        #expect(Array(digest.prefix(header.count + 23)) == header + [3, 18, 0, 0, 0] + Array("91350100M00010006A".utf8))
        #expect(decoded.map(\.columns) == Store.featureInputColumns)
        #expect(decoded.map(\.condition) == decoded.map { $0.table == "licences" ? "status IN ('revoked', 'expired')" : nil })
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        for (index, table) in decoded.enumerated() {
            let lapsed = table.table == "licences" ? " WHERE status = 'revoked' OR status = 'expired'" : ""
            let stored = try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT \(Store.featureInputColumns[index].joined(separator: ", ")) FROM \(table.table)\(lapsed)").flatMap { row in
                    row.databaseValues.map(Self.tagged)
                }
            }
            #expect(table.values == stored, "\(table.table)")
        }
        #expect(zip(EventKind.allCases, decoded.dropFirst()).map { $1.values.count / StoreColumns.featureInput($0).count }.reduce(0, +) == total)
        // Only what the features use is read: never an event's own id or free text.
        for columns in Store.featureInputColumns.dropFirst() {
            #expect(!columns.contains("event_id") && !columns.contains("decision_no") && !columns.contains("inspector_ids"))
        }
    }

    /// A stored value as the digest tags it.
    static func tagged(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: "NULL"
        case let .int64(number): "i\(number)"
        case let .double(number): "r\(number.bitPattern)"
        case let .string(text): "t\(text)"
        case let .blob(data): "b\(Array(data))"
        }
    }

    /// The digest stream back as (table, its columns, every value tagged) per table; nil if it
    /// is malformed.
    static func decodeDigest(_ bytes: [UInt8]) -> [(table: String, columns: [String], condition: String?, values: [String])]? {
        var tables: [(table: String, columns: [String], condition: String?, values: [String])] = []
        var at = 0
        func le(_ count: Int) -> UInt64? {
            guard at + count <= bytes.count else { return nil }
            var value: UInt64 = 0
            for offset in (0..<count).reversed() { value = value << 8 | UInt64(bytes[at + offset]) }
            at += count
            return value
        }
        while at < bytes.count {
            if bytes[at...].starts(with: Array("## ".utf8)) {
                guard let end = bytes[at...].firstIndex(of: 0x0A) else { return nil }
                // `<table> <columns>`, then ` WHERE <condition>` where only some rows are read.
                let line = String(decoding: bytes[(at + 3)..<end], as: UTF8.self)
                let parts = line.components(separatedBy: " WHERE ")
                let words = parts[0].split(separator: " ").map(String.init)
                guard words.count == 2, parts.count <= 2 else { return nil }
                tables.append((words[0], words[1].split(separator: ",").map(String.init), parts.count == 2 ? parts[1] : nil, []))
                at = end + 1
                continue
            }
            guard !tables.isEmpty else { return nil }
            let tag = bytes[at]
            at += 1
            switch tag {
            case 0: tables[tables.count - 1].values.append("NULL")
            case 1: guard let value = le(8) else { return nil }; tables[tables.count - 1].values.append("i\(Int64(bitPattern: value))")
            case 2: guard let value = le(8) else { return nil }; tables[tables.count - 1].values.append("r\(value)")
            case 3, 4:
                guard let count = le(4).map(Int.init), at + count <= bytes.count else { return nil }
                let payload = Array(bytes[at..<(at + count)])
                at += count
                tables[tables.count - 1].values.append(tag == 3 ? "t\(String(decoding: payload, as: UTF8.self))" : "b\(payload)")
            default: return nil
            }
        }
        return tables
    }

    /// The digest follows exactly the values read: a column no feature reads may change (a
    /// decision number, a name) without changing it; a value that is read may not.
    @Test func theDigestCoversTheColumnsReadAndNoOthers() throws {
        let store = try StoreTests.loadedStore()
        func digest() throws -> [UInt8] {
            var bytes: [UInt8] = []
            try store.scanFeatureInputs(digest: { bytes.append(contentsOf: $0) }, enterprises: { _ in }, event: { _, _ in true })
            return bytes
        }
        let before = try digest()
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        try queue.write { db in
            try db.execute(sql: "UPDATE penalties SET decision_no = decision_no || 'x'; UPDATE enterprises SET name = name || 'x'")
        }
        #expect(try digest() == before)
        try queue.write { db in try db.execute(sql: "UPDATE penalties SET fine_fen = fine_fen + 1 WHERE rowid = (SELECT MIN(rowid) FROM penalties)") }
        #expect(try digest() != before)
    }

    @Test func anEventTheCallerCannotRouteIsACorruptStore() throws {
        let store = try Self.storeWithLapsedLicence()
        // The first event read names its table and rowid (the scan does not read event ids): the
        // revoked licence, stored after the valid one, which is not read.
        let table = Store.featureInputTables[1]
        #expect(table == "licences")
        let first = try DatabaseQueue(path: store.path).read { db in
            try Row.fetchOne(db, sql: "SELECT rowid, enterprise_id FROM \(table) WHERE event_id = 'L-2'")!
        }
        let rowid: Int64 = first[0], id: String = first[1]
        #expect(rowid == 2)
        let error = #expect(throws: StoreError.self) {
            try store.scanFeatureInputs(digest: nil, enterprises: { _ in }, event: { _, _ in false })
        }
        #expect(error?.description == "store table \(table), row rowid \(rowid): enterprise_id '\(id)' is not a stored enterprise")
    }

    /// A corrupt event row is named by its rowid, found from its position in the scan: right
    /// also after rows before it were deleted (rowids with gaps), in a later batch position, and
    /// among rows the scan skips (licences that never lapsed: the position counts the rows read).
    @Test(arguments: [false, true]) func aCorruptEventRowIsNamedByItsRowidAfterGaps(lapsedLicences: Bool) throws {
        let store = try StoreTests.loadedStore()
        let queue = try DatabaseQueue(path: store.path)
        let (table, rowid, count) = try queue.write { db -> (String, Int64, Int) in
            // The first event table with a row that is read, given three more (copies under new
            // event ids); with `lapsedLicences`, the licences, whose first row (valid) is not read
            // but its copies (revoked) are.
            for table in Store.featureInputTables.dropFirst() where lapsedLicences == (table == "licences") {
                guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)")! > 0 else { continue }
                for copy in 1...3 {
                    try db.execute(sql: """
                        CREATE TEMP TABLE copied AS SELECT * FROM \(table) ORDER BY rowid LIMIT 1;
                        UPDATE copied SET event_id = event_id || '-copy\(copy)';
                        INSERT INTO \(table) SELECT * FROM copied;
                        DROP TABLE copied;
                        """)
                }
                if lapsedLicences {
                    try db.execute(sql: "UPDATE licences SET status = 'revoked', status_changed_on = '2023-01-01' WHERE event_id LIKE '%-copy%'")
                }
                let rowids = try Int64.fetchAll(db, sql: "SELECT rowid FROM \(table) ORDER BY rowid")
                // A gap: the second row goes, then the last row's domain is made unreadable.
                try db.execute(sql: "DELETE FROM \(table) WHERE rowid = ?", arguments: [rowids[1]])
                try db.execute(sql: "UPDATE \(table) SET domain = 'nowhere' WHERE rowid = ?", arguments: [rowids.last!])
                return (table, rowids.last!, rowids.count)
            }
            Issue.record("no event table of three rows")
            return ("", 0, 0)
        }
        try queue.close()
        #expect(rowid != Int64(count - 1))
        let error = #expect(throws: StoreError.self) {
            try store.scanFeatureInputs(digest: nil, enterprises: { _ in }, event: { _, _ in true })
        }
        #expect(error?.description == "store table \(table), row rowid \(rowid): bad token 'nowhere'")
    }

    /// An enterprise id longer than a credit code holds (a store changed outside RiskTier) is a
    /// corrupt row, not a crash, wherever the store's ids are read.
    @Test func anOverlongStoredIdIsACorruptStore() throws {
        let store = try StoreTests.loadedStore()
        let queue = try DatabaseQueue(path: store.path)
        let long = "91350100M000100Y43-changed-by-hand"
        try queue.write { db in
            try db.execute(sql: "INSERT INTO enterprises SELECT ?, name, domains, district, registered_on, status, status_changed_on, bureau_id, entity_type FROM enterprises LIMIT 1", arguments: [long])
        }
        try queue.close()
        let scan = #expect(throws: StoreError.self) {
            try store.scanFeatureInputs(digest: nil, enterprises: { _ in }, event: { _, _ in true })
        }
        #expect(scan?.description == "store table enterprises, row \(long): bad enterprise_id '\(long)'")
        let domains = #expect(throws: StoreError.self) { try store.enterpriseDomains() }
        #expect(domains?.description == "store table enterprises, row \(long): bad enterprise_id '\(long)'")
    }
}

/// `v3-scores-in-assignments` carries a stored run's scores into its assignment rows.
@Suite struct ScoresMigrationTests {
    @Test func scoresStoredBeforeV3MoveIntoTheirAssignmentRows() throws {
        let (directory, path) = try MigratedStore.make(upTo: "v2-run-details", sql: """
                INSERT INTO model_runs (run_id, model_id, as_of, input_sha256, package_version) VALUES ('run-2024-06-30', 'm', '2024-06-30', 'x', '0');
                INSERT INTO tier_assignments (run_id, enterprise_id, model_tier, tier, reasons, drawable) VALUES
                    ('run-2024-06-30', '91350100M00010006A', 'B', 'B', 'R_PEN_12M', 1),
                    ('run-2024-06-30', '92350103L000000111', NULL, NULL, 'O_INACTIVE', 0);
                INSERT INTO scores (run_id, enterprise_id, probability, points, reasons) VALUES
                    ('run-2024-06-30', '91350100M00010006A', 0.0625, 612, 'R_PEN_12M');
                """)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store.open(path: path)
        #expect(try store.appliedMigrations().contains("v3-scores-in-assignments"))
        #expect(try store.counts()["scores"] == nil)
        let stored = try store.assignments(ofRun: "run-2024-06-30")
        #expect(stored.map(\.probability) == [0.0625, nil])
        #expect(stored.map(\.points) == [612, nil])
    }
}

/// A store created now has 64 KiB pages; one created before keeps its own and works as before.
@Suite struct StorePageSizeTests {
    static func pageSize(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "PRAGMA page_size")! }
    }

    @Test func aNewStoreHas64KiBPagesAndAnOlderOneKeepsItsOwn() throws {
        let store = try StoreTests.loadedStore()
        #expect(try Self.pageSize(store.path) == 65_536)
        #expect(Store.pageSize == 65_536)

        // An older store: SQLite's default page size, the schema of before, then opened (and
        // migrated) by this version.
        let (directory, path) = try MigratedStore.make(upTo: "v1-import", sql: "SELECT 1")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Self.pageSize(path) == 4_096)
        let opened = try Store.open(path: path)
        #expect(try opened.appliedMigrations() == StoreSchema.migrator.migrations)
        #expect(try Self.pageSize(path) == 4_096)
        #expect(try opened.counts()["enterprises"] == 0)
    }
}
