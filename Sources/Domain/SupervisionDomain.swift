/// A supervision domain (监管领域). Named `SupervisionDomain` rather than `Domain` so that the
/// type does not shadow the module's own name.
public enum SupervisionDomain: String, CaseIterable, Codable, Sendable, Comparable {
    case food
    case drug
    case medicalDevice = "medical_device"
    case cosmetic
    case specialEquipment = "special_equipment"
    case industrialProduct = "industrial_product"

    /// The tokens accepted in files, in declaration order, for error messages.
    public static var allowedTokens: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Byte order of the file token, the order used in canonical `;`-joined sets.
    public static func < (lhs: SupervisionDomain, rhs: SupervisionDomain) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// Chinese name, for notices and reports.
    public var chineseName: String {
        switch self {
        case .food: return "食品"
        case .drug: return "药品"
        case .medicalDevice: return "医疗器械"
        case .cosmetic: return "化妆品"
        case .specialEquipment: return "特种设备"
        case .industrialProduct: return "重点工业产品"
        }
    }
}

extension SupervisionDomain {
    /// Position in `allCases` (a switch: per-event hot paths index arrays by domain).
    @inline(__always) public static func index(_ domain: SupervisionDomain) -> Int {
        switch domain {
        case .food: return 0
        case .drug: return 1
        case .medicalDevice: return 2
        case .cosmetic: return 3
        case .specialEquipment: return 4
        case .industrialProduct: return 5
        }
    }
}
