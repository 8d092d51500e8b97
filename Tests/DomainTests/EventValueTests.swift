import Testing
@testable import Domain

@Suite struct EventValueTests {
    static let e1 = CreditCode(unchecked: "91350100M00010006A")

    static func header(_ id: String = "E-1") throws -> EventHeader {
        try EventHeader(eventId: id, enterpriseId: e1, domain: .food, recordedOn: nil)
    }

    static func penalty(procedure: PenaltyProcedure = .ordinary, kinds: Set<PenaltyKind>, fineFen: Int = 0, heavy: Bool = false) throws -> Penalty {
        try Penalty(header: header(), decidedOn: CivilDate(iso: "2023-05-01")!, decisionNo: "罚〔2023〕1号", procedure: procedure,
                    kinds: kinds, fineFen: fineFen, confiscatedFen: 0, heavy: heavy, publicityEndedOn: nil)
    }

    @Test func amountsParseToFenWithoutFloatingPoint() {
        #expect(CNYAmount.fen(from: "0") == 0)
        #expect(CNYAmount.fen(from: "3000") == 300_000)
        #expect(CNYAmount.fen(from: "200.5") == 20_050)
        #expect(CNYAmount.fen(from: "0.07") == 7)
        // 0.29 * 100 in binary floating point is 28.999…; the integer parse must give 29.
        #expect(CNYAmount.fen(from: "0.29") == 29)
        for bad in ["1,000", "1万", "¥50", "-3", "1e3", "", ".5", "5.", "10.005", " 5", "5 元"] {
            #expect(CNYAmount.fen(from: Substring(bad)) == nil, "\(bad)")
        }
        #expect(CNYAmount.text(fen: 150_000) == "1500")
        #expect(CNYAmount.text(fen: 150_005) == "1500.05")
    }

    @Test func penaltySeverityAndHeavyForcing() throws {
        #expect(try Self.penalty(procedure: .summary, kinds: [.fine], fineFen: 300_000).severity == 1)
        #expect(try Self.penalty(kinds: [.warning, .circulatedCriticism]).severity == 1)
        #expect(try Self.penalty(kinds: [.fine], fineFen: 1_000_000).severity == 2)
        #expect(try Self.penalty(kinds: [.fine], fineFen: 1_000_000, heavy: true).severity == 3)
        // Order 44 kinds force heavy = yes even when the file says no; suspension does not.
        #expect(try Self.penalty(kinds: [.licenceRevocation]).heavy)
        #expect(try Self.penalty(kinds: [.licenceSuspension]).heavy == false)
    }

    @Test func summaryFineLimitIsInclusive() throws {
        #expect(throws: Never.self) { try Self.penalty(procedure: .summary, kinds: [.fine], fineFen: 300_000) }
        #expect(throws: DomainError(field: "fine_cny", requirement: "at most 3000 under the summary procedure (Art. 51 of 行政处罚法)", got: "3000.01")) {
            try Self.penalty(procedure: .summary, kinds: [.fine], fineFen: 300_001)
        }
    }

    @Test func entityTypeFromPrefix() {
        #expect(EntityType(code: CreditCode(unchecked: "91350100M00010006A")) == .enterprise)
        #expect(EntityType(code: CreditCode(unchecked: "92350103L000000111")) == .individualBusiness)
        #expect(EntityType(code: CreditCode(unchecked: "93350104N12345679D")) == .farmersCooperative)
        #expect(EntityType(code: CreditCode(unchecked: "12350100000000000X")) == .other)
        #expect(EntityType(code: CreditCode(unchecked: "19350100000000000X")) == .other)
        #expect(EntityType(code: CreditCode(unchecked: "94350100000000000X")) == .other)
        #expect(EntityType(code: CreditCode(unchecked: "9")) == .other)
    }

    @Test func listSpellsOverlapExcludesTheExitDay() throws {
        let d = { (text: String) in CivilDate(iso: text)! }
        #expect(ListEntry.spellsOverlap(d("2021-01-01"), d("2021-06-01"), d("2021-06-01"), nil) == false)
        #expect(ListEntry.spellsOverlap(d("2021-01-01"), d("2021-06-02"), d("2021-06-01"), nil))
        #expect(ListEntry.spellsOverlap(d("2021-01-01"), nil, d("2025-01-01"), d("2025-02-01")))
        #expect(ListEntry.spellsOverlap(d("2022-01-01"), d("2022-02-01"), d("2021-01-01"), d("2021-12-31")) == false)
        let entry = try ListEntry(header: Self.header(), list: .seriousDishonesty, enteredOn: d("2022-01-10"), reason: .heavyPenalty,
                                  exitedOn: d("2022-12-01"), exitReason: .creditRepair)
        #expect(entry.isEarlySeriousRepair)
        #expect(entry.isActive(on: d("2022-11-30")))
        #expect(entry.isActive(on: d("2022-12-01")) == false)
    }

    @Test func inspectionRules() throws {
        let date = CivilDate(iso: "2023-06-01")!
        #expect(throws: DomainError(field: "max_severity", requirement: "'none' when findings_count is 0", got: "minor")) {
            try Inspection(header: Self.header(), inspectedOn: date, origin: .routine, drawId: nil, findingsCount: 0,
                           maxSeverity: .minor, outcome: .noProblem, inspectorIds: ["I1"])
        }
        #expect(throws: DomainError(field: "draw_id", requirement: "empty unless origin is 'random_draw'", got: "D-1")) {
            try Inspection(header: Self.header(), inspectedOn: date, origin: .routine, drawId: "D-1", findingsCount: 0,
                           maxSeverity: .none, outcome: .noProblem, inspectorIds: ["I1"])
        }
        let ok = try Inspection(header: Self.header(), inspectedOn: date, origin: .randomDraw, drawId: "D-1", findingsCount: 1,
                                maxSeverity: .serious, outcome: .corrected, inspectorIds: ["I2", "I1"])
        #expect(ok.inspectorIds == ["I1", "I2"])
    }

    @Test func enterpriseActivityFollowsTheStatusChange() throws {
        let e = try Enterprise(id: Self.e1, name: "x", domains: [.food], district: "350100", registeredOn: CivilDate(iso: "2020-01-01")!,
                               status: .cancelled, statusChangedOn: CivilDate(iso: "2023-01-01"), bureauId: "b")
        #expect(e.isActive(on: CivilDate(iso: "2019-12-31")!) == false)
        #expect(e.isActive(on: CivilDate(iso: "2022-12-31")!))
        #expect(e.isActive(on: CivilDate(iso: "2023-01-01")!) == false)
        #expect(throws: DomainError.self) {
            try Enterprise(id: Self.e1, name: "a\u{7}b", domains: [.food], district: "350100", registeredOn: CivilDate(iso: "2020-01-01")!,
                           status: .active, statusChangedOn: nil, bureauId: "b")
        }
    }

    /// The feature pass's compact profile keeps the enterprise's dates, domains and activity rule.
    @Test func enterpriseProfileAgreesWithTheEnterprise() throws {
        let statuses: [(RegistrationStatus, String?)] = [(.active, nil), (.active, "2021-06-30"), (.cancelled, "2023-01-01"), (.movedOut, "2020-01-01")]
        let days = ["1999-12-31", "2019-12-31", "2020-01-01", "2020-01-02", "2022-12-31", "2023-01-01", "2030-01-01"].map { CivilDate(iso: $0)! }
        for (status, changed) in statuses {
            let e = try Enterprise(id: Self.e1, name: "x", domains: [.food, .cosmetic], district: "350100", registeredOn: CivilDate(iso: "2020-01-01")!,
                                   status: status, statusChangedOn: changed.map { CivilDate(iso: $0)! }, bureauId: "b")
            let profile = EnterpriseProfile(e)
            #expect(profile.registeredOn == e.registeredOn && profile.statusChangedOn == e.statusChangedOn)
            #expect(profile.domains == e.domains && profile.contains(.cosmetic) && !profile.contains(.drug))
            #expect(profile.entityType == e.entityType)
            for day in days {
                #expect(profile.isActive(on: day) == e.isActive(on: day))
                #expect(profile.isRegistered(on: day) == (e.registeredOn <= day))
                #expect(profile.ageDays(on: day) == e.registeredOn.days(until: day))
            }
        }
    }

    @Test func tokensAreTheFileSpellings() {
        #expect(PenaltyKind.allowedTokens == "warning, circulated_criticism, fine, confiscation, licence_suspension, qualification_downgrade, licence_revocation, business_restriction, production_halt, closure, employment_restriction, other")
        #expect(InspectionOutcome.allCases.count == 8)
        #expect(ListKind.abnormalOperation.reasons.map(\.rawValue) == ["annual_report_missing", "instant_info_missing", "false_disclosure", "unreachable"])
        #expect(EventKind.allCases.map(\.rawValue) == ["licences", "penalties", "sampling_tests", "inspections", "complaints", "list_entries"])
    }
}
