/// The model features of DOMAIN.md §5.1, in the fixed column order of every `FeatureMatrix`
/// (declaration order = column order; the raw value is the column name in files and models).
///
/// One-hot blocks drop a reference level so that, with an intercept, the design stays of full
/// rank when every firm has exactly one domain (the common case; an all-six block would be
/// exactly collinear with the intercept there): `food` is the reference domain (the largest
/// field, Wuxi seed000) and `enterprise` the reference entity type. A multi-domain firm gets a 1
/// in each of its non-food domains; its food part is carried by the intercept.
public enum FeatureName: String, CaseIterable, Codable, Sendable {
    /// Penalties decided in the 12-month window.
    case penCount12m = "pen_count_12m"
    /// Penalties decided in the 36-month window.
    case penCount36m = "pen_count_36m"
    /// Σ w(severity)·0.5^(age days/365) over the 36-month window, w = 0.5 / 1 / 3 for severity 1 / 2 / 3.
    case penSeverityDecay36m = "pen_sev_decay_36m"
    /// log1p(Σ fines in the 36-month window / 1000 CNY).
    case penFineLog36m = "pen_fine_log_36m"
    /// Days from the latest penalty (any age) to t, capped at 1825 (also when never penalised).
    case daysSincePenalty = "days_since_penalty"
    /// 1 when no penalty is known at t.
    case neverPenalised = "never_penalised"
    /// Final sampling tests in the 36-month window (non-final ones are ignored).
    case sampTests36m = "samp_tests_36m"
    /// Final sampling fails in the 36-month window.
    case sampFail36m = "samp_fail_36m"
    /// (fails + k·m)/(tests + k), k = 10, m = mean of the firm's domains' training fail rates.
    case sampFailRateShrunk = "samp_fail_rate_sm"
    /// 1 when any final `safety` fail is in the 36-month window (an indicator, not a count).
    case sampSafetyFail36m = "samp_safety_fail_36m"
    /// Inspections in the 36-month window.
    case inspCount36m = "insp_count_36m"
    /// Inspections with `max_severity = serious` in the 36-month window.
    case inspSerious36m = "insp_serious_36m"
    /// (findings + k·m)/(inspections + k), m = mean of the firm's domains' findings per inspection.
    case inspFindingRateShrunk = "insp_find_rate_sm"
    /// Complaints with `substantiated = yes` received in the 12-month window.
    case complaintsSubstantiated12m = "compl_subst_12m"
    /// log1p(all complaints received in the 12-month window).
    case complaintsLog12m = "compl_log_12m"
    /// 1 when on the abnormal-operation list at t (the exit day is off the list).
    case abnormalNow = "abnormal_now"
    /// Abnormal-operation spells on the list on at least one day of the 36-month window.
    case abnormalSpells36m = "abnormal_spells_36m"
    /// Serious-list spells that ended in the 36-month window (a count).
    case seriousExited36m = "serious_exited_36m"
    /// log(1 + age in years), age = days since registration / 365.25.
    case ageLogYears = "age_log_years"
    /// 1 when registered less than 365 days before t.
    case isNew = "is_new"
    /// One-hot domains (reference `food`).
    case domainDrug = "domain_drug"
    case domainMedicalDevice = "domain_medical_device"
    case domainCosmetic = "domain_cosmetic"
    case domainSpecialEquipment = "domain_special_equipment"
    case domainIndustrialProduct = "domain_industrial_product"
    /// One-hot entity types from the USCC prefix (reference `enterprise`, 91).
    case entityTypeIndividualBusiness = "entity_type_individual_business"
    case entityTypeFarmersCooperative = "entity_type_farmers_cooperative"
    case entityTypeOther = "entity_type_other"
    /// 1 when a licence was revoked or expired (status change dated) in the 36-month window.
    case licenceLapsed36m = "licence_lapsed_36m"
    /// Whole calendar months since the latest inspection, capped at 60 (also when never inspected).
    case monthsSinceInspected = "months_since_inspected"

    /// Column index in a `FeatureMatrix`.
    /// (A switch, not a dictionary: the feature pass asks 29 times per enterprise.
    /// FeatureNameTests checks it against `allCases`.)
    public var index: Int {
        switch self {
        case .penCount12m: return 0
        case .penCount36m: return 1
        case .penSeverityDecay36m: return 2
        case .penFineLog36m: return 3
        case .daysSincePenalty: return 4
        case .neverPenalised: return 5
        case .sampTests36m: return 6
        case .sampFail36m: return 7
        case .sampFailRateShrunk: return 8
        case .sampSafetyFail36m: return 9
        case .inspCount36m: return 10
        case .inspSerious36m: return 11
        case .inspFindingRateShrunk: return 12
        case .complaintsSubstantiated12m: return 13
        case .complaintsLog12m: return 14
        case .abnormalNow: return 15
        case .abnormalSpells36m: return 16
        case .seriousExited36m: return 17
        case .ageLogYears: return 18
        case .isNew: return 19
        case .domainDrug: return 20
        case .domainMedicalDevice: return 21
        case .domainCosmetic: return 22
        case .domainSpecialEquipment: return 23
        case .domainIndustrialProduct: return 24
        case .entityTypeIndividualBusiness: return 25
        case .entityTypeFarmersCooperative: return 26
        case .entityTypeOther: return 27
        case .licenceLapsed36m: return 28
        case .monthsSinceInspected: return 29
        }
    }

    /// The column names in order.
    public static var orderedNames: [String] { allCases.map(\.rawValue) }
}
