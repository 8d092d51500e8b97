import Domain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The history process: homogeneous Poisson processes whose rates rise with the latent risk u
/// (rate ∝ e^{a·u}); inspections, penalties and list entries follow each other as in practice.
extension CityGenerator {
    /// Annual routine-inspection rate by domain (special equipment and drugs are key items).
    static func routineRate(_ domain: SupervisionDomain) -> Double {
        switch domain {
        case .food: return 0.05
        case .drug: return 0.30
        case .medicalDevice: return 0.15
        case .cosmetic: return 0.10
        case .specialEquipment: return 0.35
        case .industrialProduct: return 0.15
        }
    }

    /// Annual sampling-test rate per enterprise of a domain (producers are sampled 3× as often).
    static func samplingRate(_ domain: SupervisionDomain, production: Bool) -> Double {
        let base: Double
        switch domain {
        case .food: base = 0.08
        case .drug: base = 0.25
        case .medicalDevice: base = 0.12
        case .cosmetic: base = 0.15
        case .specialEquipment: base = 0
        case .industrialProduct: base = 0.20
        }
        return production ? 3 * base : base
    }

    func generateHistory(_ profile: EnterpriseProfile, ordinal: Int, eligible: Bool, pool: InspectorPool,
                         history: inout EnterpriseHistory, random: inout SynthRandom) {
        let u = profile.latentRisk
        let riskFactor = exp(u)
        let first = max(profile.registeredDay, startDay)
        let last = profile.lastActiveDay(extractDay: extractDay)
        guard first <= last else { return }
        // Eligible firms get their outcome-window inspections, tests, penalties and serious-list
        // entries from the latent model instead (CityGenerator+OutcomeWindow).
        let historyEnd = eligible ? min(last, referenceDay) : last
        let years = Double(last - first + 1) / 365.25
        let historyYears = Double(max(0, historyEnd - first + 1)) / 365.25

        // Complaints: the whole span (window complaints trigger window inspections).
        let complaintRate = 0.05 * riskFactor * (profile.primaryDomain == .food ? 1.2 : 1)
        for _ in 0..<random.poisson(complaintRate * years) {
            let day = random.int(in: first...last)
            history.complaints.append(makeComplaint(day: day, profile: profile, random: &random))
        }
        history.complaints.sort { $0.day < $1.day }

        guard historyEnd >= first else {
            generateLists(profile, first: first, last: last, eligible: eligible, history: &history, random: &random)
            generateLicences(profile, history: &history, random: &random)
            return
        }

        // Inspections: random draws (quarterly batches at the tier rate of a noisy view of u),
        // routine visits, complaint-driven, campaigns, referrals; follow-ups after findings.
        let tier = Self.tierIndex(probability: Self.logistic(-4.4 + u + 0.5 * random.normal()))
        var month = Self.month(of: first)
        while month.first <= historyEnd {
            if month.month % 3 == 0, random.bernoulli(Self.drawRates[tier] / 4) {
                let from = max(first, month.first)
                let to = min(historyEnd, month.first + month.length - 1)
                if from <= to {
                    let drawId = "D\(month.year)-\(InspectorPool.pad(month.month, 2))-\(Self.tierNames[tier])"
                    addInspection(profile, ordinal: ordinal, day: random.int(in: from...to), origin: .randomDraw, drawId: drawId,
                                  pool: pool, history: &history, random: &random)
                }
            }
            month = Self.month(of: month.first + month.length)
        }
        for _ in 0..<random.poisson(Self.routineRate(profile.primaryDomain) * historyYears) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: first...historyEnd), origin: .routine, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        for complaint in history.complaints where complaint.day < historyEnd && random.bernoulli(0.35) {
            let day = min(historyEnd, complaint.day + random.int(in: 1...20))
            addInspection(profile, ordinal: ordinal, day: day, origin: .complaint, drawId: nil, pool: pool, history: &history, random: &random)
        }
        for _ in 0..<random.poisson(0.03 * riskFactor.squareRoot() * historyYears) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: first...historyEnd), origin: .campaign, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        for _ in 0..<random.poisson(0.004 * historyYears) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: first...historyEnd), origin: .referral, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        // Consequences of findings, in date order: follow-up visits and penalties.
        history.inspections.sort { $0.day < $1.day }
        for inspection in history.inspections {
            switch inspection.severity {
            case .serious:
                if random.bernoulli(0.6) {
                    let day = inspection.day + random.int(in: 15...120)
                    if day <= historyEnd {
                        history.penalties.append(ordinaryPenalty(day: day, domain: inspection.domain, heavy: random.bernoulli(0.25), random: &random))
                    }
                }
                if random.bernoulli(0.5) {
                    let day = inspection.day + random.int(in: 30...90)
                    if day <= historyEnd {
                        addInspection(profile, ordinal: ordinal, day: day, origin: .followUp, drawId: nil, pool: pool, history: &history, random: &random)
                    }
                }
            case .general:
                if random.bernoulli(0.2) {
                    let day = min(historyEnd, inspection.day + random.int(in: 0...3))
                    history.penalties.append(summaryPenalty(day: day, domain: inspection.domain, random: &random))
                }
                if random.bernoulli(0.15) {
                    let day = inspection.day + random.int(in: 30...90)
                    if day <= historyEnd {
                        addInspection(profile, ordinal: ordinal, day: day, origin: .followUp, drawId: nil, pool: pool, history: &history, random: &random)
                    }
                }
            default: break
            }
        }

        // Sampling tests in every domain the firm holds.
        for domain in profile.domains {
            for _ in 0..<random.poisson(Self.samplingRate(domain, production: profile.production) * historyYears) {
                let day = random.int(in: first...historyEnd)
                let test = makeSamplingTest(day: day, domain: domain, u: u, random: &random)
                history.samplingTests.append(test)
                if test.failClass == .safety, test.isFinal, random.bernoulli(0.5) {
                    let penaltyDay = day + random.int(in: 20...90)
                    if penaltyDay <= historyEnd {
                        history.penalties.append(ordinaryPenalty(day: penaltyDay, domain: domain, heavy: random.bernoulli(0.2), random: &random))
                    }
                }
            }
        }

        // Penalties from referrals and reports that did not come through an inspection here.
        for _ in 0..<random.poisson(0.012 * riskFactor * historyYears) {
            let day = random.int(in: first...historyEnd)
            let domain = random.element(profile.domains)
            history.penalties.append(random.bernoulli(0.3)
                ? summaryPenalty(day: day, domain: domain, random: &random)
                : ordinaryPenalty(day: day, domain: domain, heavy: random.bernoulli(0.15), random: &random))
        }
        history.penalties.sort { $0.day < $1.day }

        generateLists(profile, first: first, last: last, eligible: eligible, history: &history, random: &random)
        // Heavy penalties put some firms on the serious-dishonesty list (Order 44).
        for penalty in history.penalties where penalty.heavy && random.bernoulli(0.4) {
            let day = penalty.day + random.int(in: 10...60)
            guard day <= historyEnd, !history.listBlocked(.seriousDishonesty, from: day) else { continue }
            history.listEntries.append(seriousEntry(day: day, reason: .heavyPenalty, domain: penalty.domain, last: last,
                                                    profile: profile, random: &random))
        }
        generateLicences(profile, history: &history, random: &random)
    }

    // MARK: - Single events

    func makeComplaint(day: Int, profile: EnterpriseProfile, random: inout SynthRandom) -> EnterpriseHistory.ComplaintRecord {
        // Complaints received in the last 45 days are often still being handled.
        let substantiated: Substantiation
        if day > extractDay - 45, random.bernoulli(0.6) {
            substantiated = .pending
        } else {
            substantiated = random.bernoulli(Self.logistic(-0.9 + 0.5 * profile.latentRisk)) ? .yes : .no
        }
        return .init(day: day, recordedDay: recordedDay(after: day, random: &random), domain: profile.primaryDomain,
                     substantiated: substantiated, category: random.element(CityCatalogue.complaintCategories))
    }

    /// Findings of an inspection by the firm's latent risk; targeted visits find more.
    func naturalFindings(u: Double, origin: InspectionOrigin, random: inout SynthRandom)
        -> (count: Int, severity: FindingSeverity, outcome: InspectionOutcome) {
        let targeted = origin == .complaint || origin == .campaign || origin == .referral || origin == .followUp
        guard random.bernoulli(Self.logistic(-0.9 + 0.8 * u + (targeted ? 0.5 : 0))) else {
            let outcome = [InspectionOutcome.noProblem, .noRelevantActivity, .unreachable][random.pick(weights: [0.95, 0.03, 0.02])]
            return (0, .none, outcome)
        }
        let severity: FindingSeverity
        if random.bernoulli(Self.logistic(-2.4 + 0.9 * u)) {
            severity = .serious
        } else {
            severity = random.bernoulli(0.5) ? .general : .minor
        }
        return (1 + random.poisson(severity == .minor ? 0.5 : 1.2), severity, findingOutcome(severity, random: &random))
    }

    func findingOutcome(_ severity: FindingSeverity, random: inout SynthRandom) -> InspectionOutcome {
        switch severity {
        case .none: return .noProblem
        case .minor: return [InspectionOutcome.corrected, .notDisclosed][random.pick(weights: [0.9, 0.1])]
        case .general: return [InspectionOutcome.corrected, .notDisclosed, .falseDisclosure, .other][random.pick(weights: [0.85, 0.05, 0.05, 0.05])]
        case .serious: return [InspectionOutcome.corrected, .nonCooperation, .other][random.pick(weights: [0.8, 0.05, 0.15])]
        }
    }

    /// Adds an inspection with natural findings, if a team can be staffed.
    @discardableResult
    func addInspection(_ profile: EnterpriseProfile, ordinal: Int, day: Int, origin: InspectionOrigin, drawId: String?,
                       pool: InspectorPool, history: inout EnterpriseHistory, random: inout SynthRandom) -> Int? {
        let domain = profile.domains.count > 1 && random.bernoulli(0.3) ? profile.domains[1] : profile.primaryDomain
        let size = random.bernoulli(0.15) ? 3 : 2
        guard let team = pool.team(size: size, domain: domain, districtIndex: profile.districtIndex, ordinal: ordinal,
                                   day: day, random: &random) else { return nil }
        let findings = naturalFindings(u: profile.latentRisk, origin: origin, random: &random)
        history.inspections.append(.init(day: day, recordedDay: recordedDay(after: day, random: &random), domain: domain,
                                         origin: origin, drawId: drawId, findingsCount: findings.count, severity: findings.severity,
                                         outcome: findings.outcome, inspectorIds: team))
        return history.inspections.count - 1
    }

    func makeSamplingTest(day: Int, domain: SupervisionDomain, u: Double, random: inout SynthRandom) -> EnterpriseHistory.SamplingRecord {
        let category = random.element(CityCatalogue.productCategories(domain))
        let stages = CityCatalogue.stages(domain)
        let stage = stages[random.pick(weights: stages.map(\.1))].0
        var failClass: FailClass? = nil
        if random.bernoulli(Self.logistic(-3.0 + 0.9 * u)) {
            failClass = [FailClass.safety, .quality, .labelling][random.pick(weights: [0.35, 0.45, 0.20])]
        }
        // A fail stays non-final while a retest or objection is open: mostly in the last two
        // months before the extract, rarely for longer.
        let isFinal = failClass == nil || !(day > extractDay - 60 ? random.bernoulli(0.6) : random.bernoulli(0.02))
        return .init(day: day, recordedDay: recordedDay(after: day, random: &random), domain: domain, category: category,
                     stage: stage, failClass: failClass, isFinal: isFinal)
    }

    /// 简易程序: a warning or an on-the-spot fine of at most 3,000 CNY (Art. 51).
    func summaryPenalty(day: Int, domain: SupervisionDomain, random: inout SynthRandom) -> EnterpriseHistory.PenaltyRecord {
        var kinds: [PenaltyKind] = []
        var fine = 0
        if random.bernoulli(0.4) {
            kinds = [.warning]
        } else {
            kinds = random.bernoulli(0.3) ? [.fine, .warning] : [.fine]
            fine = random.int(in: 1...60) * 5_000  // 50 … 3,000 CNY in steps of 50, in fen
        }
        return .init(day: day, recordedDay: recordedDay(after: day, random: &random), domain: domain, procedure: .summary,
                     kinds: kinds, fineFen: fine, confiscatedFen: 0, heavy: false, publicityEndedDay: nil)
    }

    /// 普通程序: fines of a few thousand to a few hundred thousand CNY; heavy ones add an
    /// Order-44 measure and a fine set high under the discretion benchmark.
    func ordinaryPenalty(day: Int, domain: SupervisionDomain, heavy: Bool, random: inout SynthRandom) -> EnterpriseHistory.PenaltyRecord {
        var kinds: [PenaltyKind] = [.fine]
        var fine: Int
        var confiscated = 0
        if heavy {
            fine = Int(exp(log(50_000.0) + random.uniform() * log(20.0))) / 100 * 100 * 100  // 50k … 1M CNY
            let measure = [PenaltyKind.licenceRevocation, .productionHalt, .businessRestriction, .licenceSuspension, .closure,
                           .qualificationDowngrade][random.pick(weights: [0.30, 0.25, 0.20, 0.15, 0.05, 0.05])]
            kinds.append(measure)
        } else {
            fine = Int(exp(log(2_000.0) + random.uniform() * log(50.0))) / 100 * 100 * 100  // 2k … 100k CNY
            if random.bernoulli(0.2) { kinds.append(.warning) }
        }
        if random.bernoulli(0.3) {
            kinds.append(.confiscation)
            // Confiscated unlawful gains: fen precision occurs in real decisions.
            confiscated = random.int(in: 50_000...5_000_000)
        }
        var publicityEnded: Int? = nil
        if !heavy, random.bernoulli(0.1) {
            // Credit repair ends publicity after 1 year in food, drug and special equipment,
            // 6 months elsewhere (DOMAIN.md §2.4).
            let wait = [SupervisionDomain.food, .drug, .specialEquipment].contains(domain) ? 365 : 183
            let ended = day + wait + random.int(in: 0...120)
            if ended <= extractDay { publicityEnded = ended }
        }
        kinds.sort()
        return .init(day: day, recordedDay: recordedDay(after: day, random: &random), domain: domain, procedure: .ordinary,
                     kinds: kinds, fineFen: fine, confiscatedFen: confiscated, heavy: heavy, publicityEndedDay: publicityEnded)
    }

    func seriousEntry(day: Int, reason: ListEntryReason, domain: SupervisionDomain, last: Int, profile: EnterpriseProfile,
                      random: inout SynthRandom) -> EnterpriseHistory.ListRecord {
        var record = EnterpriseHistory.ListRecord(list: .seriousDishonesty, day: day, recordedDay: recordedDay(after: day, random: &random),
                                                  domain: domain, reason: reason, exitDay: nil, exitReason: nil)
        // Early removal by credit repair after at least a year (DOMAIN.md §2.4); otherwise the
        // entry stays open (the 3-year automatic exit is unverified, so none is generated).
        if random.bernoulli(0.35) {
            let exit = day + random.int(in: 365...1000)
            if exit <= last { record.exitDay = exit; record.exitReason = .creditRepair }
        }
        if record.exitDay == nil, profile.status == .cancelled, let closed = profile.statusChangedDay, closed > day {
            record.exitDay = closed
            record.exitReason = .entityCancelled
        }
        return record
    }

    // MARK: - Lists and licences

    /// Abnormal-operation spells over the whole span: a missing annual report (listed in July,
    /// after the 30 June deadline) or unreachable / undisclosed information at random dates;
    /// most are remedied. A spell unremedied for 3 years moves the firm to the serious list.
    func generateLists(_ profile: EnterpriseProfile, first: Int, last: Int, eligible: Bool,
                       history: inout EnterpriseHistory, random: inout SynthRandom) {
        let u = profile.latentRisk
        var candidates: [(Int, ListEntryReason)] = []
        let firstYear = CivilDate(daysSinceEpoch: first).year
        let lastYear = CivilDate(daysSinceEpoch: last).year
        for year in firstYear...lastYear {
            let deadline = CivilDate(year: year, month: 7, day: 1)!.daysSinceEpoch
            // Only firms registered before the reported year ends owe a report.
            guard profile.registeredDay < CivilDate(year: year - 1, month: 12, day: 31)!.daysSinceEpoch else { continue }
            let p = Self.logistic(-3.3 + u + (profile.entityType == 1 ? 0.3 : 0))
            if random.bernoulli(p) { candidates.append((deadline + random.int(in: 0...13), .annualReportMissing)) }
        }
        let years = Double(last - first + 1) / 365.25
        for _ in 0..<random.poisson(0.006 * exp(u) * years) {
            let reason = [ListEntryReason.unreachable, .instantInfoMissing, .falseDisclosure][random.pick(weights: [0.6, 0.25, 0.15])]
            candidates.append((random.int(in: first...last), reason))
        }
        candidates.sort { $0.0 < $1.0 }
        for (day, reason) in candidates where day >= first && day <= last {
            guard !history.listBlocked(.abnormalOperation, from: day) else { continue }
            var record = EnterpriseHistory.ListRecord(list: .abnormalOperation, day: day, recordedDay: recordedDay(after: day, random: &random),
                                                      domain: profile.primaryDomain, reason: reason, exitDay: nil, exitReason: nil)
            if random.bernoulli(0.6) {
                let exit = day + random.int(in: 15...400)
                if exit <= last { record.exitDay = exit; record.exitReason = .remedied }
            }
            if record.exitDay == nil, profile.status == .cancelled, let closed = profile.statusChangedDay {
                record.exitDay = closed
                record.exitReason = .entityCancelled
            }
            history.listEntries.append(record)
            // Unremedied for 3 years → serious list (the older SAIC rule, DOMAIN.md §2.4).
            let transfer = day + 3 * 365 + random.int(in: 1...30)
            let limit = eligible ? min(last, referenceDay) : last
            if record.exitDay.map({ $0 > transfer }) ?? true, transfer <= limit,
               !history.listBlocked(.seriousDishonesty, from: transfer) {
                history.listEntries.append(seriousEntry(day: transfer, reason: .abnormal3y, domain: profile.primaryDomain,
                                                        last: last, profile: profile, random: &random))
            }
        }
    }

    /// One current licence per domain (the export is a snapshot): renewed every 5 years since
    /// registration; cancelled or revoked with the firm; some lapsed (expired) or revoked by a
    /// penalty; a few suspended.
    func generateLicences(_ profile: EnterpriseProfile, history: inout EnterpriseHistory, random: inout SynthRandom) {
        let validity = 5 * 365 + 1
        for domain in profile.domains {
            // Small individual food stalls sometimes trade on a registration, not a licence.
            if domain == .food, profile.entityType == 1, random.bernoulli(0.08) { continue }
            var issued = profile.registeredDay + random.int(in: 0...60)
            let end = profile.statusChangedDay ?? extractDay
            while issued + validity <= end { issued += validity }
            if issued > min(end, extractDay) { issued = profile.registeredDay }
            var record = EnterpriseHistory.LicenceRecord(domain: domain, type: CityCatalogue.licenceType(domain, production: profile.production),
                                                         issuedDay: issued, expiresDay: issued + validity - 1, status: .valid,
                                                         changedDay: nil, recordedDay: 0)
            if let closed = profile.statusChangedDay {
                record.status = profile.status == .revoked ? .revoked : .cancelled
                record.changedDay = max(closed, issued)
            } else if let revocation = history.penalties.first(where: { $0.domain == domain && $0.kinds.contains(.licenceRevocation) && $0.day >= issued }) {
                record.status = .revoked
                record.changedDay = revocation.day
            } else if random.bernoulli(min(0.3, 0.03 * exp(profile.latentRisk))) {
                // Lapsed: not renewed; it expired within the period.
                let expires = random.int(in: max(startDay, profile.registeredDay + validity)...max(startDay, profile.registeredDay + validity, extractDay))
                if expires <= extractDay {
                    record.expiresDay = expires
                    record.issuedDay = expires - validity + 1
                    record.status = .expired
                    record.changedDay = expires
                }
            } else if random.bernoulli(0.005) {
                record.status = .suspended
                record.changedDay = random.int(in: max(issued, startDay)...max(issued, startDay, extractDay))
                if record.changedDay! > extractDay { record.status = .valid; record.changedDay = nil }
            }
            record.recordedDay = recordedDay(after: record.day, random: &random)
            history.licences.append(record)
        }
    }
}
