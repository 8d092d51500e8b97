/// Kinds of administrative penalty (Art. 9 of 行政处罚法, 12 tokens; DOMAIN.md §1).
public enum PenaltyKind: String, FileToken, Codable, Comparable {
    case warning
    case circulatedCriticism = "circulated_criticism"
    case fine
    case confiscation
    case licenceSuspension = "licence_suspension"
    case qualificationDowngrade = "qualification_downgrade"
    case licenceRevocation = "licence_revocation"
    case businessRestriction = "business_restriction"
    case productionHalt = "production_halt"
    case closure
    case employmentRestriction = "employment_restriction"
    case other

    /// Kinds that make a penalty "heavier" under SAMR Order 44 Art. 2 (降低资质等级, 吊销许可证件,
    /// 限制开展生产经营活动, 责令停产停业, 责令关闭, 限制从业). Licence *suspension* is not on that list;
    /// the "fine set high" case cannot be derived and comes from the `heavy` column.
    public static let order44Kinds: Set<PenaltyKind> = [
        .qualificationDowngrade, .licenceRevocation, .businessRestriction, .productionHalt, .closure, .employmentRestriction,
    ]

    public static func < (lhs: PenaltyKind, rhs: PenaltyKind) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
