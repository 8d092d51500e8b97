/// Kind of market entity, from the USCC's first two characters (DOMAIN.md §1.1).
public enum EntityType: String, FileToken, Codable {
    case enterprise                          // 91
    case individualBusiness = "individual_business"  // 92
    case farmersCooperative = "farmers_cooperative"  // 93
    case other                               // any other prefix (12x hospitals, 52x canteens, …)

    public init(code: CreditCode) {
        switch code.value.prefix(2) {
        case "91": self = .enterprise
        case "92": self = .individualBusiness
        case "93": self = .farmersCooperative
        default: self = .other
        }
    }
}
