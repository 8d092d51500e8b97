/// The model features of DOMAIN.md §5.1, in the fixed column order of every `FeatureMatrix`
/// (declaration order = column order; the raw value is the column name in files and models).
///
/// One-hot blocks drop a reference level so that, with an intercept, the design stays of full
/// rank when every firm has exactly one domain (the common case; an all-six block would be
/// exactly collinear with the intercept there): `food` is the reference domain (the largest
/// field, Wuxi seed000) and `enterprise` the reference entity type. A multi-domain firm gets a 1
/// in each of its non-food domains; its food part is carried by the intercept.
public enum FeatureName: String, CaseIterable, Codable, Sendable {
    case penCount12m = "pen_count_12m"
    case penCount36m = "pen_count_36m"
    case penSeverityDecay36m = "pen_sev_decay_36m"
    case penFineLog36m = "pen_fine_log_36m"
    case daysSincePenalty = "days_since_penalty"
    case neverPenalised = "never_penalised"
    case sampTests36m = "samp_tests_36m"
    case sampFail36m = "samp_fail_36m"
    case sampFailRateShrunk = "samp_fail_rate_sm"
    case sampSafetyFail36m = "samp_safety_fail_36m"
    case inspCount36m = "insp_count_36m"
    case inspSerious36m = "insp_serious_36m"
    case inspFindingRateShrunk = "insp_find_rate_sm"
    case complaintsSubstantiated12m = "compl_subst_12m"
    case complaintsLog12m = "compl_log_12m"
    case abnormalNow = "abnormal_now"
    case abnormalSpells36m = "abnormal_spells_36m"
    case seriousExited36m = "serious_exited_36m"
    case ageLogYears = "age_log_years"
    case isNew = "is_new"
    case domainDrug = "domain_drug"
    case domainMedicalDevice = "domain_medical_device"
    case domainCosmetic = "domain_cosmetic"
    case domainSpecialEquipment = "domain_special_equipment"
    case domainIndustrialProduct = "domain_industrial_product"
    case entityTypeIndividualBusiness = "entity_type_individual_business"
    case entityTypeFarmersCooperative = "entity_type_farmers_cooperative"
    case entityTypeOther = "entity_type_other"
    case licenceLapsed36m = "licence_lapsed_36m"
    case monthsSinceInspected = "months_since_inspected"

    /// Column index in a `FeatureMatrix`.
    public var index: Int { FeatureName.indexByName[self]! }

    private static let indexByName: [FeatureName: Int] =
        Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The column names in order.
    public static var orderedNames: [String] { allCases.map(\.rawValue) }
}
