import Domain
import Foundation

/// The test's own recomputation, from validated Domain values, of the latent model's features
/// (DOMAIN.md §5.1), of who is observed and of the label (§5.2). Written independently of the
/// generator's internal records so that a disagreement between the files and the generator's
/// ground truth shows.
struct ModelRecomputation {
    var active = 0
    var observed = 0
    var labels = 0
    var randomArm = 0
    var probabilitySum = 0.0
    var probabilityVariance = 0.0

    init(enterprises: [Enterprise], events: [Event], asOf t: CivilDate, coefficients beta: [Double]) {
        var byEnterprise: [CreditCode: [Event]] = [:]
        for event in events { byEnterprise[event.header.enterpriseId, default: []].append(event) }
        let from36 = t.adding(months: -36)
        let from12 = t.adding(months: -12)
        let end = t.adding(months: 12)
        func inWindow(_ date: CivilDate, from: CivilDate) -> Bool { date > from && date <= t }
        func inOutcome(_ date: CivilDate) -> Bool { date > t && date <= end }
        for enterprise in enterprises where enterprise.isActive(on: t) {
            active += 1
            var x = [Double](repeating: 0, count: 8)
            var isObserved = false
            var label = false
            var drawn = false
            for event in byEnterprise[enterprise.id] ?? [] {
                switch event {
                case let .penalty(p):
                    if inWindow(p.decidedOn, from: from36) { x[0] += 1 }
                    if inOutcome(p.decidedOn), p.procedure == .ordinary, p.severity >= 2 { label = true }
                case let .samplingTest(s):
                    if inWindow(s.sampledOn, from: from36), s.result == .fail, s.isFinal { x[1] += 1 }
                    if inOutcome(s.sampledOn), s.isFinal {
                        isObserved = true
                        if s.failClass == .safety { label = true }
                    }
                case let .inspection(i):
                    if inWindow(i.inspectedOn, from: from36), i.maxSeverity == .serious { x[2] += 1 }
                    if inOutcome(i.inspectedOn) {
                        isObserved = true
                        if i.maxSeverity == .serious { label = true }
                        if i.origin == .randomDraw { drawn = true }
                    }
                case let .listEntry(l):
                    if l.list == .abnormalOperation, l.isActive(on: t) { x[3] = 1 }
                    if l.list == .seriousDishonesty, inOutcome(l.enteredOn) { label = true }
                case let .complaint(c):
                    if inWindow(c.receivedOn, from: from12), c.substantiated == .yes { x[4] += 1 }
                case .licence: break
                }
            }
            x[5] = log(1 + Double(enterprise.registeredOn.days(until: t)) / 365.25)
            x[6] = enterprise.domains.contains(.drug) ? 1 : 0
            x[7] = enterprise.domains.contains(.specialEquipment) ? 1 : 0
            guard isObserved else { continue }
            var eta = beta[0]
            for (coefficient, value) in zip(beta.dropFirst(), x) { eta += coefficient * value }
            let p = 1 / (1 + exp(-eta))
            observed += 1
            probabilitySum += p
            probabilityVariance += p * (1 - p)
            if label { labels += 1 }
            if drawn { randomArm += 1 }
        }
    }
}
