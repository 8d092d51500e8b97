import Domain

/// One counter per supervision domain, stored inline (no heap array) so that an accumulator
/// per enterprise stays small when a whole city's accumulators are live at once.
struct DomainTally: Sendable, Equatable {
    var food: Int32 = 0
    var drug: Int32 = 0
    var medicalDevice: Int32 = 0
    var cosmetic: Int32 = 0
    var specialEquipment: Int32 = 0
    var industrialProduct: Int32 = 0

    subscript(domain: SupervisionDomain) -> Int32 {
        get {
            switch domain {
            case .food: return food
            case .drug: return drug
            case .medicalDevice: return medicalDevice
            case .cosmetic: return cosmetic
            case .specialEquipment: return specialEquipment
            case .industrialProduct: return industrialProduct
            }
        }
        set {
            switch domain {
            case .food: food = newValue
            case .drug: drug = newValue
            case .medicalDevice: medicalDevice = newValue
            case .cosmetic: cosmetic = newValue
            case .specialEquipment: specialEquipment = newValue
            case .industrialProduct: industrialProduct = newValue
            }
        }
    }
}
