import Domain

/// Known enterprises and their domains, for the cross-file rules of an import: 12 bytes of key
/// and one byte of domains per enterprise, so that 10^6 enterprises take tens of MB rather than
/// the ~200 MB of a `[CreditCode: Set<SupervisionDomain>]` (a heap string and a heap set each).
public struct EnterpriseIndex: Sendable, ExpressibleByDictionaryLiteral {
    private var domainsByCode: [PackedCreditCode: UInt8] = [:]

    public init() {}

    public init(dictionaryLiteral elements: (CreditCode, Set<SupervisionDomain>)...) {
        for (code, domains) in elements { self[code] = domains }
    }

    public init(_ dictionary: [CreditCode: Set<SupervisionDomain>]) {
        for (code, domains) in dictionary { self[code] = domains }
    }

    public var count: Int { domainsByCode.count }

    public mutating func reserveCapacity(_ capacity: Int) { domainsByCode.reserveCapacity(capacity) }

    public subscript(code: CreditCode) -> Set<SupervisionDomain>? {
        get { domainsByCode[PackedCreditCode(code)].map(Self.domains(mask:)) }
        set { domainsByCode[PackedCreditCode(code)] = newValue.map(Self.mask) }
    }

    /// The domain mask of the code spelt exactly by `bytes`, if known.
    func mask(bytes: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let key = PackedCreditCode(bytes: bytes) else { return nil }
        return domainsByCode[key]
    }

    func mask(_ code: CreditCode) -> UInt8? { domainsByCode[PackedCreditCode(code)] }

    /// The domain bits are `EnterpriseProfile`'s (one definition for the importer and the
    /// feature pass).
    @inline(__always)
    static func bit(_ domain: SupervisionDomain) -> UInt8 { EnterpriseProfile.bit(domain) }

    static func mask(_ domains: Set<SupervisionDomain>) -> UInt8 { EnterpriseProfile.mask(domains) }

    static func domains(mask: UInt8) -> Set<SupervisionDomain> {
        Set(SupervisionDomain.allCases.filter { mask & bit($0) != 0 })
    }
}
