/// Kind of market entity, from the USCC's first two characters (DOMAIN.md §1.1).
public enum EntityType: String, FileToken, Codable {
    case enterprise                          // 91
    case individualBusiness = "individual_business"  // 92
    case farmersCooperative = "farmers_cooperative"  // 93
    case other                               // any other prefix (12x hospitals, 52x canteens, …)

    public init(code: CreditCode) {
        // On the UTF-8 bytes (a code is ASCII): matching `prefix(2)` against string patterns
        // compared Characters, a visible cost per enterprise row of an import.
        let (first, second) = code.firstTwoBytes
        guard first == UInt8(ascii: "9") else { self = .other; return }
        switch second {
        case UInt8(ascii: "1"): self = .enterprise
        case UInt8(ascii: "2"): self = .individualBusiness
        case UInt8(ascii: "3"): self = .farmersCooperative
        default: self = .other
        }
    }
}
