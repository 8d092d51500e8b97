import Foundation
import Testing
import Domain
import Store
@testable import RiskTierKit

/// The feature pass skips the licences that never lapsed (`StoreColumns.featureInputFilter`):
/// no feature reads them, so they change neither the outputs nor the input digest; and the as-of
/// checks still see them as the newest event when they are.
@Suite(.serialized) struct SkippedLicenceTests {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    /// Firm 0 of `MonthlyRunTests.makeStore` gets a licence.
    static func addLicence(_ storePath: String, id eventId: String, issuedOn: String, status: LicenceStatus, changedOn: String?) throws {
        let first17 = Array("91350100000010000".utf8)
        let firm = CreditCode(unchecked: String(decoding: first17, as: UTF8.self) + String(CreditCode.checkCharacter(for: first17)!))
        try Store.open(path: storePath).write { writer in
            try writer.save(Event.licence(Licence(header: try EventHeader(eventId: eventId, enterpriseId: firm, domain: .food, recordedOn: nil),
                                                  licenceId: "JY-\(eventId)", licenceType: "food_business", issuedOn: date(issuedOn),
                                                  expiresOn: date(issuedOn).adding(months: 60), status: status, statusChangedOn: changedOn.map(date))))
        }
    }

    static func score(_ store: String, _ model: String, _ asOf: String) throws -> MonthlyScoreResult {
        try MonthlyRun.score(MonthlyScoreRequest(storePath: store, modelPath: model, asOf: date(asOf)))
    }

    @Test func aLicenceThatNeverLapsedChangesNoOutputAndALapsedOneIsRead() throws {
        let (folder, store, model) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.score(store, model, "2024-06-30")
        // Valid, suspended, cancelled: read by no feature.
        try Self.addLicence(store, id: "l-valid", issuedOn: "2024-05-01", status: .valid, changedOn: nil)
        try Self.addLicence(store, id: "l-suspended", issuedOn: "2022-05-01", status: .suspended, changedOn: "2024-03-01")
        try Self.addLicence(store, id: "l-cancelled", issuedOn: "2022-05-01", status: .cancelled, changedOn: "2024-04-01")
        let withValid = try Self.score(store, model, "2024-06-30")
        #expect(withValid.inputSHA256 == before.inputSHA256)
        #expect(withValid.files.map(\.data) == before.files.map(\.data))
        // A revoked licence is an input: the digest moves.
        try Self.addLicence(store, id: "l-revoked", issuedOn: "2022-05-01", status: .revoked, changedOn: "2024-04-01")
        let withRevoked = try Self.score(store, model, "2024-06-30")
        #expect(withRevoked.inputSHA256 != before.inputSHA256)
    }

    /// The digest stream names the rows it covers.
    @Test func theDigestHeaderNamesTheLicencesRead() throws {
        let (folder, store, _) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes: [UInt8] = []
        try Store.open(path: store).scanFeatureInputs(digest: { bytes.append(contentsOf: $0) }, enterprises: { _ in }, event: { _, _ in true })
        let header = Array("## licences enterprise_id,domain,recorded_on,issued_on,status,status_changed_on WHERE status IN ('revoked', 'expired')\n".utf8)
        #expect(bytes.indices.contains { bytes[$0...].starts(with: header) })
    }

    @Test func theNewestEventMayBeALicenceThatNeverLapsed() throws {
        let (folder, store, model) = try RunHistoryTests.prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The seeded store's newest event is 2024-06-30: July is refused.
        #expect(throws: MonthlyRunError.asOfAfterData(asOf: Self.date("2024-07-31"), latestEvent: Self.date("2024-06-30"))) {
            try Self.score(store, model, "2024-07-31")
        }
        // A valid licence issued in July makes July's run possible; a suspended licence's status
        // change in August is dated by the change, not its issue.
        try Self.addLicence(store, id: "l-july", issuedOn: "2024-07-10", status: .valid, changedOn: nil)
        _ = try Self.score(store, model, "2024-07-31")
        #expect(throws: MonthlyRunError.asOfAfterData(asOf: Self.date("2024-08-01"), latestEvent: Self.date("2024-07-10"))) {
            try Self.score(store, model, "2024-08-01")
        }
        try Self.addLicence(store, id: "l-august", issuedOn: "2020-01-01", status: .suspended, changedOn: "2024-08-20")
        _ = try Self.score(store, model, "2024-08-31")
        #expect(throws: MonthlyRunError.asOfAfterData(asOf: Self.date("2024-09-01"), latestEvent: Self.date("2024-08-20"))) {
            try Self.score(store, model, "2024-09-01")
        }
        // The fit's label window reaches the newest event, a skipped licence, too.
        _ = try MonthlyRun.fit(MonthlyFitRequest(storePath: store, asOf: Self.date("2023-08-20"), modelId: "m2"))
        #expect(throws: MonthlyRunError.labelWindowBeyondData(asOf: Self.date("2023-08-21"), latestEvent: Self.date("2024-08-20"), months: 12)) {
            try MonthlyRun.fit(MonthlyFitRequest(storePath: store, asOf: Self.date("2023-08-21"), modelId: "m2"))
        }
    }
}
