/// An enforcement officer or expert on the inspector roster (`inspectors.csv`).
public struct Inspector: Hashable, Sendable, Codable {
    /// `[A-Za-z0-9_-]{1,32}`, unique.
    public let id: String
    public let name: String
    public let bureauId: String
    public let district: String
    /// Qualified domains, at least one.
    public let domains: Set<SupervisionDomain>
    public let role: InspectorRole
    /// Required for enforcement officers (执法证).
    public let certNo: String?
    public let certValidUntil: CivilDate?
    /// Enterprises per draw.
    public let capacity: Int
    public let active: Bool

    public init(id: String, name: String, bureauId: String, district: String, domains: Set<SupervisionDomain>, role: InspectorRole,
                certNo: String?, certValidUntil: CivilDate?, capacity: Int, active: Bool) throws(DomainError) {
        guard Inspector.isValidId(id) else {
            throw DomainError(field: "inspector_id", requirement: "1 to 32 characters from A-Z a-z 0-9 _ -", got: id)
        }
        try Validation.text(name, field: "name", maxLength: 100)
        try Validation.text(bureauId, field: "bureau_id", maxLength: 64)
        try Validation.district(district)
        guard !domains.isEmpty else {
            throw DomainError(field: "domains", requirement: "a ;-joined set of at least one of \(SupervisionDomain.allowedTokens)", got: "")
        }
        if let certNo { try Validation.text(certNo, field: "cert_no", maxLength: 64) }
        if role == .enforcement {
            guard certNo != nil else {
                throw DomainError(field: "cert_no", requirement: "non-empty for role 'enforcement'", got: "")
            }
            guard certValidUntil != nil else {
                throw DomainError(field: "cert_valid_until", requirement: "a date for role 'enforcement'", got: "")
            }
        }
        guard capacity >= 0 else {
            throw DomainError(field: "capacity", requirement: "an integer ≥ 0", got: String(capacity))
        }
        self.id = id
        self.name = name
        self.bureauId = bureauId
        self.district = district
        self.domains = domains
        self.role = role
        self.certNo = certNo
        self.certValidUntil = certValidUntil
        self.capacity = capacity
        self.active = active
    }

    public static func isValidId(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...32).contains(bytes.count) else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }
}
