import Domain
@testable import Features

/// Small builders for hand-written histories.
enum Fixtures {
    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let firmId = CreditCode(unchecked: "91350100M000100Y43")

    static func enterprise(id: CreditCode = firmId, domains: Set<SupervisionDomain> = [.food], registeredOn: String = "2010-01-01",
                           status: RegistrationStatus = .active, statusChangedOn: String? = nil) -> Enterprise {
        try! Enterprise(id: id, name: "测试企业", domains: domains, district: "350100", registeredOn: date(registeredOn),
                        status: status, statusChangedOn: statusChangedOn.map(date), bureauId: "FZ")
    }

    static func header(_ id: String, enterprise: CreditCode = firmId, domain: SupervisionDomain = .food, recordedOn: String? = nil) -> EventHeader {
        try! EventHeader(eventId: id, enterpriseId: enterprise, domain: domain, recordedOn: recordedOn.map(date))
    }

    static func penalty(_ on: String, procedure: PenaltyProcedure = .ordinary, kinds: Set<PenaltyKind> = [.fine], fineCNY: Int = 1000,
                        heavy: Bool = false, publicityEndedOn: String? = nil, recordedOn: String? = nil,
                        enterprise: CreditCode = firmId) -> Event {
        .penalty(try! Penalty(header: header("p-\(on)-\(fineCNY)", enterprise: enterprise, recordedOn: recordedOn), decidedOn: date(on),
                              decisionNo: "市监罚〔2024〕1号", procedure: procedure, kinds: kinds,
                              fineFen: kinds.contains(.fine) ? fineCNY * 100 : 0, confiscatedFen: 0, heavy: heavy,
                              publicityEndedOn: publicityEndedOn.map(date)))
    }

    static func sampling(_ on: String, fail: FailClass? = nil, isFinal: Bool = true, domain: SupervisionDomain = .food,
                         enterprise: CreditCode = firmId, id: String? = nil) -> Event {
        .samplingTest(try! SamplingTest(header: header(id ?? "s-\(on)-\(fail?.rawValue ?? "pass")-\(isFinal)", enterprise: enterprise, domain: domain),
                                        sampledOn: date(on), productCategory: "dairy", stage: .production,
                                        result: fail == nil ? .pass : .fail, failClass: fail, isFinal: isFinal))
    }

    static func inspection(_ on: String, findings: Int = 0, severity: FindingSeverity = .none, origin: InspectionOrigin = .routine,
                           drawId: String? = nil, domain: SupervisionDomain = .food, enterprise: CreditCode = firmId) -> Event {
        .inspection(try! Inspection(header: header("i-\(on)-\(findings)", enterprise: enterprise, domain: domain), inspectedOn: date(on),
                                    origin: origin, drawId: drawId, findingsCount: findings, maxSeverity: severity,
                                    outcome: findings == 0 ? .noProblem : .corrected,
                                    inspectorIds: origin == .randomDraw ? ["I1", "I2"] : ["I1"]))
    }

    static func complaint(_ on: String, substantiated: Substantiation) -> Event {
        .complaint(try! Complaint(header: header("c-\(on)-\(substantiated.rawValue)"), receivedOn: date(on),
                                  substantiated: substantiated, category: "质量"))
    }

    static func listEntry(_ list: ListKind, entered: String, exited: String? = nil, exitReason: ListExitReason? = nil) -> Event {
        .listEntry(try! ListEntry(header: header("l-\(list.rawValue)-\(entered)"), list: list, enteredOn: date(entered),
                                  reason: list == .abnormalOperation ? .annualReportMissing : .heavyPenalty,
                                  exitedOn: exited.map(date), exitReason: exited == nil ? nil : (exitReason ?? .remedied)))
    }

    static func licence(issued: String, status: LicenceStatus, changed: String?) -> Event {
        .licence(try! Licence(header: header("lic-\(issued)-\(status.rawValue)"), licenceId: "JY1", licenceType: "food_business",
                              issuedOn: date(issued), expiresOn: date("2030-01-01"), status: status, statusChangedOn: changed.map(date)))
    }

    /// Features of one firm at `asOf` with the given priors.
    static func row(_ events: [Event], asOf: String, enterprise: Enterprise = enterprise(), options: FeatureOptions = FeatureOptions(),
                    priors: FeaturePriors = zeroPriors) throws -> [FeatureName: Double] {
        var accumulator = FeatureAccumulator(enterprise: enterprise, asOf: date(asOf), options: options)
        for event in events { try accumulator.add(event) }
        let values = accumulator.features(priors: priors)
        return Dictionary(uniqueKeysWithValues: FeatureName.allCases.map { ($0, values[$0.index]) })
    }

    static let zeroPriors = FeaturePriors(samplingTests: [0, 0, 0, 0, 0, 0], samplingFails: [0, 0, 0, 0, 0, 0],
                                          inspections: [0, 0, 0, 0, 0, 0], findings: [0, 0, 0, 0, 0, 0])
}
