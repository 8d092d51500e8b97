import Domain

/// The UTF-8 tokens of `SupervisionDomain`, in `allCases` order, for byte-level matching.
enum SupervisionDomainTokens {
    static let all: [[UInt8]] = SupervisionDomain.allCases.map { Array($0.rawValue.utf8) }
}
