import Domain

/// The static attributes of one synthetic enterprise, held for the whole run (memory O(N)).
struct EnterpriseProfile {
    /// The canonical 18-character code.
    let code: String
    /// 0 = 91 enterprise, 1 = 92 individual business, 2 = 93 farmers' cooperative.
    let entityType: Int
    /// Primary domain first.
    let domains: [SupervisionDomain]
    let districtIndex: Int
    let registeredDay: Int
    let status: RegistrationStatus
    /// Day the status changed (closure), nil when active.
    let statusChangedDay: Int?
    /// Producers hold production licences and see more sampling.
    let production: Bool
    /// Latent risk u: base(domain, entity type) + σ·N(0, 1).
    let latentRisk: Double
    let name: String
    /// The random stream of this enterprise's events (its creation index).
    let stream: UInt64

    var primaryDomain: SupervisionDomain { domains[0] }

    /// Last day on which events can happen: the day before closure, or the extract date.
    func lastActiveDay(extractDay: Int) -> Int {
        guard let closed = statusChangedDay else { return extractDay }
        return min(extractDay, closed - 1)
    }
}
