/// What the feature pass needs of an enterprise: its id, domains, registration date and
/// status — not its name, district or bureau. A city's profiles are all live during a feature
/// pass, so a profile is small (one heap object, the id; the domains are a bit mask).
public struct EnterpriseProfile: Hashable, Sendable {
    public let id: CreditCode
    /// Bit i set = `SupervisionDomain.allCases[i]` is one of the firm's domains.
    public let domainMask: UInt8
    public let status: RegistrationStatus
    // Dates as day numbers (`CivilDate.daysSinceEpoch`; `noDay` = none): 32 bytes a profile
    // instead of 80 with two `CivilDate`s (10⁶ profiles are live during a feature pass).
    private let registeredDay: Int32
    private let statusChangedDay: Int32
    private static let noDay = Int32.min

    public init(id: CreditCode, domainMask: UInt8, registeredOn: CivilDate, status: RegistrationStatus, statusChangedOn: CivilDate?) {
        self.id = id
        self.domainMask = domainMask
        self.registeredDay = Int32(registeredOn.daysSinceEpoch)
        self.status = status
        self.statusChangedDay = statusChangedOn.map { Int32($0.daysSinceEpoch) } ?? EnterpriseProfile.noDay
    }

    public var registeredOn: CivilDate { CivilDate(daysSinceEpoch: Int(registeredDay)) }
    public var statusChangedOn: CivilDate? {
        statusChangedDay == EnterpriseProfile.noDay ? nil : CivilDate(daysSinceEpoch: Int(statusChangedDay))
    }

    public init(_ enterprise: Enterprise) {
        self.init(id: enterprise.id, domainMask: EnterpriseProfile.mask(enterprise.domains), registeredOn: enterprise.registeredOn,
                  status: enterprise.status, statusChangedOn: enterprise.statusChangedOn)
    }

    /// The bit of `domain` in `domainMask`.
    @inline(__always) public static func bit(_ domain: SupervisionDomain) -> UInt8 {
        switch domain {
        case .food: return 1
        case .drug: return 2
        case .medicalDevice: return 4
        case .cosmetic: return 8
        case .specialEquipment: return 16
        case .industrialProduct: return 32
        }
    }

    public static func mask(_ domains: Set<SupervisionDomain>) -> UInt8 {
        domains.reduce(0) { $0 | bit($1) }
    }

    /// The domains of a mask, as a set.
    public static func domains(_ mask: UInt8) -> Set<SupervisionDomain> {
        Set(SupervisionDomain.allCases.filter { mask & bit($0) != 0 })
    }

    public var domains: Set<SupervisionDomain> { EnterpriseProfile.domains(domainMask) }

    public func contains(_ domain: SupervisionDomain) -> Bool { domainMask & EnterpriseProfile.bit(domain) != 0 }

    /// Derived from the code's first two characters.
    public var entityType: EntityType { EntityType(code: id) }

    /// Whether the entity is registered and not yet revoked/cancelled/annulled/moved out on `date`
    /// (the rule of `Enterprise.isActive(on:)`, on day numbers).
    public func isActive(on date: CivilDate) -> Bool {
        let day = Int32(date.daysSinceEpoch)
        guard Int(registeredDay) <= Int(day) else { return false }
        if status == .active { return true }
        guard statusChangedDay != EnterpriseProfile.noDay else { return false }
        return day < statusChangedDay
    }

    /// Registered on or before `date`.
    public func isRegistered(on date: CivilDate) -> Bool { Int(registeredDay) <= date.daysSinceEpoch }

    /// Days from registration to `date`.
    public func ageDays(on date: CivilDate) -> Int { date.daysSinceEpoch - Int(registeredDay) }
}
