import Testing
import Domain
@testable import Features

@Suite struct FeatureBuilderTests {
    typealias F = Fixtures
    static let second = CreditCode(unchecked: "92350100MA2Y0000X0")
    static let third = CreditCode(unchecked: "93350100MA2Y0000X0")

    @Test func columnMajorMatrixWithEstimatedPriorsAndInactiveFirms() throws {
        var builder = try FeatureBuilder(asOf: F.date("2024-06-30"))
        try builder.add(enterprise: F.enterprise(), events: [F.sampling("2024-01-01", fail: .quality), F.sampling("2024-02-01")])
        try builder.add(enterprise: F.enterprise(id: Self.second), events: [
            F.sampling("2024-03-01", enterprise: Self.second), F.sampling("2024-03-02", enterprise: Self.second),
        ])
        try builder.add(enterprise: F.enterprise(id: Self.third, status: .cancelled, statusChangedOn: "2024-01-01"), events: [])
        let priors = builder.estimatedPriors
        #expect(priors.samplingFailRate[.food] == 0.25) // 1 fail in 4 final food tests
        let set = builder.featureSet(priors: priors)
        #expect(set.matrix.enterpriseIds == [F.firmId, Self.second])
        #expect(set.inactiveEnterpriseIds == [Self.third])
        #expect(set.matrix.names.first == "pen_count_12m")
        #expect(set.matrix.names.count == FeatureName.allCases.count)
        // Column-major layout: column samp_fail_36m holds [1, 0].
        let c = FeatureName.sampFail36m.index
        #expect(Array(set.matrix.values[(c * 2)..<(c * 2 + 2)]) == [1, 0])
        #expect(set.matrix[1, .entityTypeIndividualBusiness] == 1)
        // (0 + 10·0.25)/(2 + 10)
        #expect(abs(set.matrix[1, .sampFailRateShrunk] - 2.5 / 12) < 1e-15)
        #expect(set.labels.isEmpty)
    }

    @Test func enterprisesMustArriveInAscendingOrder() throws {
        var builder = try FeatureBuilder(asOf: F.date("2024-06-30"))
        try builder.add(enterprise: F.enterprise(id: Self.second), events: [])
        #expect(throws: FeaturesError.enterprisesOutOfOrder(previous: Self.second, next: F.firmId)) {
            try builder.add(enterprise: F.enterprise(), events: [])
        }
    }

    @Test func overrideFactsComeFromTheSamePass() throws {
        var builder = try FeatureBuilder(asOf: F.date("2024-06-30"))
        try builder.add(enterprise: F.enterprise(registeredOn: "2024-01-01"), events: [
            F.listEntry(.seriousDishonesty, entered: "2024-02-01"), F.penalty("2023-08-01", heavy: true),
            F.licence(issued: "2024-01-02", status: .valid, changed: nil),
        ])
        let facts = builder.featureSet(priors: F.zeroPriors).overrideFacts[0]
        #expect(facts == OverrideFacts(onSeriousList: true, onAbnormalList: false, heavyPenaltyLast12Months: true,
                                       ageDays: 181, historyEventCount: 2)) // Jan 31 + Feb 29 + Mar 31 + Apr 30 + May 31 + Jun 29
    }

    @Test func builderRowsEqualAccumulatorRowsUnderAnyPriors() throws {
        let priors = FeaturePriors(samplingTests: [10, 10, 4, 0, 0, 0], samplingFails: [1, 3, 1, 0, 0, 0],
                                   inspections: [5, 2, 0, 0, 0, 0], findings: [10, 1, 0, 0, 0, 0])
        let firm = F.enterprise(domains: [.food, .drug, .cosmetic])
        let events = [F.sampling("2024-01-01", fail: .quality), F.sampling("2024-02-01", domain: .drug),
                      F.inspection("2024-03-01", findings: 3, severity: .general), F.penalty("2023-01-01")]
        var builder = try FeatureBuilder(asOf: F.date("2024-06-30"))
        try builder.add(enterprise: firm, events: events)
        var accumulator = builder.makeAccumulator(for: firm)
        for event in events { try accumulator.add(event) }
        #expect(builder.featureSet(priors: priors).matrix.row(0) == accumulator.features(priors: priors))
    }
}

@Suite struct FeatureTableBuilderTests {
    typealias F = Fixtures

    @Test func kindByKindStreamGivesTheSameSetAsPerEnterpriseStream() throws {
        let second = FeatureBuilderTests.second
        let firms = [F.enterprise(domains: [.food, .drug]), F.enterprise(id: second, domains: [.drug]),
                     F.enterprise(id: FeatureBuilderTests.third, status: .cancelled, statusChangedOn: "2024-01-01")]
        let first: [Event] = [F.penalty("2024-01-01"), F.sampling("2024-02-01", fail: .safety), F.inspection("2024-03-01", findings: 2, severity: .general),
                              F.inspection("2024-08-01", findings: 1, severity: .serious)]
        let other: [Event] = [F.penalty("2023-05-01", enterprise: second), F.sampling("2024-02-02", domain: .drug, enterprise: second),
                              F.inspection("2023-01-01", domain: .drug, enterprise: second)]
        let label = LabelOptions(dataEnd: F.date("2025-06-30"))
        var perEnterprise = try FeatureBuilder(asOf: F.date("2024-06-30"), label: label)
        try perEnterprise.add(enterprise: firms[0], events: first)
        try perEnterprise.add(enterprise: firms[1], events: other)
        try perEnterprise.add(enterprise: firms[2], events: [])
        var table = try FeatureTableBuilder(asOf: F.date("2024-06-30"), enterprises: firms, label: label)
        for kind in EventKind.allCases {
            for event in (first + other) where event.kind == kind { try table.add(event) }
        }
        let a = perEnterprise.featureSet(priors: perEnterprise.estimatedPriors)
        let b = table.featureSet(priors: table.estimatedPriors)
        #expect(a.matrix == b.matrix)
        #expect(a.labels == b.labels)
        #expect(a.overrideFacts == b.overrideFacts)
        #expect(a.priors == b.priors)
        #expect(b.labels[0]?.outcome == true)
        // The streaming rows (scoring) are the matrix rows, with the same facts, in id order.
        var streamed: [(CreditCode, [Double], OverrideFacts)] = []
        var inactive: [CreditCode] = []
        table.forEachEnterprise(priors: b.priors) { id, row, facts in
            if let row, let facts { streamed.append((id, Array(row), facts)) } else { inactive.append(id) }
        }
        #expect(streamed.map(\.0) == b.matrix.enterpriseIds)
        #expect(streamed.map(\.1) == (0..<b.matrix.rowCount).map { b.matrix.row($0) })
        #expect(streamed.map(\.2) == b.overrideFacts)
        #expect(inactive == b.inactiveEnterpriseIds && inactive == [FeatureBuilderTests.third])
    }

    @Test func featureIndexIsTheDeclarationOrder() {
        #expect(FeatureName.allCases.map(\.index) == Array(FeatureName.allCases.indices))
    }

    @Test func eventOfAnUnknownEnterpriseIsAnError() throws {
        var table = try FeatureTableBuilder(asOf: F.date("2024-06-30"), enterprises: [F.enterprise()])
        let stranger = FeatureBuilderTests.third
        #expect(throws: FeaturesError.unknownEnterprise(stranger, eventId: "p-2024-01-01-1000")) {
            try table.add(F.penalty("2024-01-01", enterprise: stranger))
        }
    }

    /// Events reach their enterprise whichever way the routing finds it: the next firm, a few
    /// firms on (galloping), further than the gallop goes, backwards (the hash table) — the same
    /// rows as the per-enterprise builder. An absent id between stored ones is refused.
    @Test func eventsAreRoutedInAnyOrder() throws {
        let firms = (0..<300).map { i -> Enterprise in
            let first17 = Array("91350100000\(String(1_000_000 + i).dropFirst())".utf8)
            return F.enterprise(id: CreditCode(unchecked: String(decoding: first17, as: UTF8.self) + String(CreditCode.checkCharacter(for: first17)!)))
        }
        #expect(zip(firms, firms.dropFirst()).allSatisfy { $0.id < $1.id })
        // One penalty per visit; a firm visited twice gets two identical penalties.
        let visits = [0, 1, 2, 5, 9, 40, 41, 41, 120, 121, 299, 3, 4, 64, 65, 200, 150, 151, 152, 216, 0, 298]
        var perEnterprise = try FeatureBuilder(asOf: F.date("2024-06-30"))
        for (index, firm) in firms.enumerated() {
            try perEnterprise.add(enterprise: firm, events: visits.filter { $0 == index }.map { _ in F.penalty("2024-01-01", enterprise: firm.id) })
        }
        var table = try FeatureTableBuilder(asOf: F.date("2024-06-30"), enterprises: firms)
        for visit in visits { try table.add(F.penalty("2024-01-01", enterprise: firms[visit].id)) }
        let a = perEnterprise.featureSet(priors: perEnterprise.estimatedPriors)
        let b = table.featureSet(priors: table.estimatedPriors)
        #expect(a.matrix == b.matrix)
        #expect(b.matrix.row(0) != b.matrix.row(6))  // (visited twice and never: the rows differ)

        // A valid code that sorts between two stored ones, reached by galloping, is no firm's.
        let gapFirst17 = Array("91350100000\(String(1_000_000 + 7).dropFirst())".utf8)
        let absent = CreditCode(unchecked: String(decoding: gapFirst17, as: UTF8.self) + "Z")
        #expect(!firms.contains { $0.id == absent } && firms[7].id < absent && absent < firms[8].id)
        try table.add(F.penalty("2024-01-01", enterprise: firms[5].id))
        #expect(throws: FeaturesError.unknownEnterprise(absent, eventId: "p-2024-01-01-1000")) {
            try table.add(F.penalty("2024-01-01", enterprise: absent))
        }
    }
}
