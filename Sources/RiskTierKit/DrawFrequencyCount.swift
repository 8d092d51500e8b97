import Domain
import Features

/// Random draws per enterprise in the rolling 12 months before a task date, for the frequency
/// caps of DOMAIN.md §2.2 (A 1, B 1, C 2, D 4). Two sources, counted once per (draw, firm):
/// selections of draws recorded in the store (`draw record --store`), and imported
/// inspections with `origin = random_draw` (draws made before this system, or elsewhere).
/// An inspection whose `draw_id` is a recorded draw that selected the same firm is the same
/// draw, not a second one.
struct DrawFrequencyCount {
    let domain: SupervisionDomain
    /// The task date t: stored draws with task date in (t − 12 months, t) and inspections
    /// dated in (t − 12 months, t) count.
    let taskDate: CivilDate
    private var draws: Set<DrawMembership> = []

    init(domain: SupervisionDomain, taskDate: CivilDate) {
        self.domain = domain
        self.taskDate = taskDate
    }

    private func inWindow(_ date: CivilDate) -> Bool { taskDate.adding(months: -12) < date && date < taskDate }

    /// A recorded draw's selections (ignored unless the same domain and in the window).
    mutating func addRecordedDraw(id: String, domain: SupervisionDomain, taskDate: CivilDate, selected: some Sequence<String>) {
        guard domain == self.domain, inWindow(taskDate) else { return }
        for enterprise in selected { draws.insert(DrawMembership(drawId: id, enterpriseId: CreditCode(unchecked: enterprise))) }
    }

    /// An imported inspection (ignored unless a random draw of the same domain in the window).
    /// One without a `draw_id` cannot occur after import validation; its event id stands in.
    mutating func addInspection(_ inspection: Inspection) {
        guard inspection.origin == .randomDraw, inspection.header.domain == domain, inWindow(inspection.inspectedOn) else { return }
        draws.insert(DrawMembership(drawId: inspection.drawId ?? "event:" + inspection.header.eventId, enterpriseId: inspection.header.enterpriseId))
    }

    /// Distinct draws per enterprise id.
    var counts: [String: Int] {
        var result: [String: Int] = [:]
        for draw in draws { result[draw.enterpriseId.value, default: 0] += 1 }
        return result
    }
}
