/// How features are computed (DOMAIN.md §5.1, §2.3). Stored with the model so that scoring
/// uses exactly the training definition.
public struct FeatureOptions: Codable, Sendable, Hashable {
    /// Back-tests: ignore events whose `recorded_on` is after the as-of date (an event without
    /// `recorded_on` counts as recorded on its own date).
    public var respectRecordedOn: Bool
    /// When true, a penalty whose publicity ended (credit repair) on or before the as-of date
    /// no longer feeds any feature. Default false: repair ends publicity, not the internal
    /// record (DOMAIN.md §2.3).
    public var repairClearsFeatures: Bool
    /// k of the shrunk rates (fails + k·m)/(tests + k); DOMAIN.md §5.1 sets k = 10.
    public var shrinkageStrength: Double

    public init(respectRecordedOn: Bool = false, repairClearsFeatures: Bool = false, shrinkageStrength: Double = 10) {
        self.respectRecordedOn = respectRecordedOn
        self.repairClearsFeatures = repairClearsFeatures
        self.shrinkageStrength = shrinkageStrength
    }

    enum CodingKeys: String, CodingKey {
        case respectRecordedOn = "respect_recorded_on"
        case repairClearsFeatures = "repair_clears_features"
        case shrinkageStrength = "shrinkage_strength"
    }

    /// Long window of §5.1 (months).
    public static let longWindowMonths = 36
    /// Short window of §5.1 (months).
    public static let shortWindowMonths = 12
    /// `days_since_penalty` cap: five years.
    public static let daysSincePenaltyCap = 1825
    /// `months_since_inspected` cap.
    public static let monthsSinceInspectedCap = 60
}
