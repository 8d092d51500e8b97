import Domain

/// The outcome window (t, t + 12 months] of an enterprise active on t: who is observed depends
/// only on the features at t and on noise (never on the outcome); observed firms get
/// y ~ Bernoulli(logistic(β·x)) and exactly the label events that y implies (DOMAIN.md §5.2).
extension CityGenerator {
    func generateOutcomeWindow(_ profile: EnterpriseProfile, ordinal: Int, pool: InspectorPool,
                               history: inout EnterpriseHistory, random: inout SynthRandom) -> OutcomeRecord {
        let x = history.trueFeatures(asOf: spec.referenceDate, registeredDay: profile.registeredDay, domains: profile.domains)
        let eta = model.linearPredictor(x)
        let probability = LatentModel.logistic(eta)
        let windowFirst = referenceDay + 1
        let windowLast = profile.lastActiveDay(extractDay: extractDay)
        // The bureau tiers on its own (noisy) estimate of the same risk.
        let tier = Self.tierIndex(probability: LatentModel.logistic(eta + 0.5 * random.normal()))
        guard windowFirst <= windowLast else {
            return OutcomeRecord(features: x, probability: probability, tier: tier, observed: false, randomDraw: false, label: false)
        }
        let firstInspection = history.inspections.count
        let firstTest = history.samplingTests.count

        // 1. Random draw at the tier's annual rate, in one of the four quarterly batches.
        var randomDraw = false
        if random.bernoulli(Self.drawRates[tier]) {
            let batch = Self.month(of: spec.referenceDate.adding(months: 3 * random.int(in: 0...3) + 3).daysSinceEpoch)
            let from = max(windowFirst, batch.first)
            let to = min(windowLast, batch.first + batch.length - 1)
            if from <= to {
                let drawId = "D\(batch.year)-\(InspectorPool.pad(batch.month, 2))-\(Self.tierNames[tier])"
                randomDraw = addInspection(profile, ordinal: ordinal, day: random.int(in: from...to), origin: .randomDraw,
                                           drawId: drawId, pool: pool, history: &history, random: &random) != nil
            }
        }
        // 2. Targeted checks: complaints received in the window, campaigns aimed by the
        //    history features, follow-ups of serious findings and of abnormal listing,
        //    routine visits by domain, referrals. None looks at the outcome.
        for complaint in history.complaints where complaint.day >= windowFirst && complaint.day < windowLast && random.bernoulli(0.35) {
            let day = min(windowLast, complaint.day + random.int(in: 1...20))
            addInspection(profile, ordinal: ordinal, day: day, origin: .complaint, drawId: nil, pool: pool, history: &history, random: &random)
        }
        let campaign = min(0.6, 0.03 + 0.08 * x[0] + 0.08 * x[1] + 0.10 * x[3] + 0.05 * x[4])
        if random.bernoulli(campaign) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: windowFirst...windowLast), origin: .campaign, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        if (x[2] > 0 && random.bernoulli(0.35)) || (x[3] > 0 && random.bernoulli(0.15)) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: windowFirst...windowLast), origin: .followUp, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        let windowYears = Double(windowLast - windowFirst + 1) / 365.25
        for _ in 0..<random.poisson(Self.routineRate(profile.primaryDomain) * windowYears) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: windowFirst...windowLast), origin: .routine, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        if random.bernoulli(0.004 * windowYears) {
            addInspection(profile, ordinal: ordinal, day: random.int(in: windowFirst...windowLast), origin: .referral, drawId: nil,
                          pool: pool, history: &history, random: &random)
        }
        // 3. Sampling tests by domain.
        for domain in profile.domains {
            for _ in 0..<random.poisson(Self.samplingRate(domain, production: profile.production) * windowYears) {
                let day = random.int(in: windowFirst...windowLast)
                history.samplingTests.append(makeSamplingTest(day: day, domain: domain, u: profile.latentRisk, random: &random))
            }
        }

        let inspections = firstInspection..<history.inspections.count
        let finalTests = (firstTest..<history.samplingTests.count).filter { history.samplingTests[$0].isFinal }
        let observed = !inspections.isEmpty || !finalTests.isEmpty
        guard observed else {
            return OutcomeRecord(features: x, probability: probability, tier: tier, observed: false, randomDraw: randomDraw, label: false)
        }

        // 4. The label, and only the events it implies.
        let label = random.bernoulli(probability)
        if label {
            // At least one label event: a serious finding or a final safety fail.
            let useInspection = !inspections.isEmpty && (finalTests.isEmpty || random.bernoulli(0.75))
            if useInspection {
                let index = random.element(Array(inspections))
                if history.inspections[index].severity != .serious {
                    history.inspections[index].severity = .serious
                    history.inspections[index].findingsCount = max(1, history.inspections[index].findingsCount) + random.poisson(1)
                    history.inspections[index].outcome = findingOutcome(.serious, random: &random)
                }
            } else {
                let index = random.element(finalTests)
                history.samplingTests[index].failClass = .safety
            }
        } else {
            for index in inspections where history.inspections[index].severity == .serious {
                history.inspections[index].severity = .general
                history.inspections[index].outcome = findingOutcome(.general, random: &random)
            }
            for index in finalTests where history.samplingTests[index].failClass == .safety {
                history.samplingTests[index].failClass = .quality
            }
        }
        // Consequences inside the window: ordinary (label) penalties and serious listing only
        // for y = 1; on-the-spot summary penalties after general findings for anyone observed.
        for index in inspections {
            let inspection = history.inspections[index]
            if inspection.severity == .serious, random.bernoulli(0.6) {
                let day = inspection.day + random.int(in: 15...90)
                if day <= windowLast {
                    let penalty = ordinaryPenalty(day: day, domain: inspection.domain, heavy: random.bernoulli(0.25), random: &random)
                    history.penalties.append(penalty)
                    if penalty.heavy, random.bernoulli(0.4) {
                        let entryDay = day + random.int(in: 10...60)
                        if entryDay <= windowLast, !history.listBlocked(.seriousDishonesty, from: entryDay) {
                            history.listEntries.append(seriousEntry(day: entryDay, reason: .heavyPenalty, domain: penalty.domain,
                                                                    last: windowLast, profile: profile, random: &random))
                        }
                    }
                }
            } else if inspection.severity == .general, random.bernoulli(0.3) {
                let day = min(windowLast, inspection.day + random.int(in: 0...3))
                history.penalties.append(summaryPenalty(day: day, domain: inspection.domain, random: &random))
            }
        }
        for index in finalTests where history.samplingTests[index].failClass == .safety && random.bernoulli(0.4) {
            let test = history.samplingTests[index]
            let day = test.day + random.int(in: 20...90)
            if day <= windowLast {
                history.penalties.append(ordinaryPenalty(day: day, domain: test.domain, heavy: random.bernoulli(0.2), random: &random))
            }
        }
        return OutcomeRecord(features: x, probability: probability, tier: tier, observed: true, randomDraw: randomDraw, label: label)
    }
}
