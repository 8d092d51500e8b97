/// What the feature pass needs of an enterprise: its id, domains, registration date and
/// status — not its name, district or bureau. A city's profiles are all live during a feature
/// pass, so a profile is small (one heap object, the id; the domains are a bit mask).
public struct EnterpriseProfile: Hashable, Sendable {
    public let id: CreditCode
    /// Bit i set = `SupervisionDomain.allCases[i]` is one of the firm's domains.
    public let domainMask: UInt8
    public let registeredOn: CivilDate
    public let status: RegistrationStatus
    public let statusChangedOn: CivilDate?

    public init(id: CreditCode, domainMask: UInt8, registeredOn: CivilDate, status: RegistrationStatus, statusChangedOn: CivilDate?) {
        self.id = id
        self.domainMask = domainMask
        self.registeredOn = registeredOn
        self.status = status
        self.statusChangedOn = statusChangedOn
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
    /// (the rule of `Enterprise.isActive(on:)`).
    public func isActive(on date: CivilDate) -> Bool {
        Enterprise.isActive(registeredOn: registeredOn, status: status, statusChangedOn: statusChangedOn, on: date)
    }
}
