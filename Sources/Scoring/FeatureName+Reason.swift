import Domain
import Features

extension FeatureName {
    /// The reason code a feature's contribution is reported under. Several features may
    /// share a code (their contributions add up).
    public var reasonCode: ReasonCode {
        switch self {
        case .penCount12m: return .penalties12m
        case .penCount36m: return .penalties36m
        case .penSeverityDecay36m: return .heavyPenalties
        case .penFineLog36m: return .penaltyFines
        case .daysSincePenalty, .neverPenalised: return .recentPenalty
        case .sampTests36m: return .samplingExposure
        case .sampFail36m, .sampFailRateShrunk: return .samplingFails
        case .sampSafetyFail36m: return .samplingSafetyFail
        case .inspCount36m: return .inspectionExposure
        case .inspSerious36m: return .seriousInspections
        case .inspFindingRateShrunk: return .inspectionFindings
        case .complaintsSubstantiated12m, .complaintsLog12m: return .complaints
        case .abnormalNow, .abnormalSpells36m: return .abnormalHistory
        case .seriousExited36m: return .seriousListExit
        case .ageLogYears: return .entityAge
        case .isNew: return .newEntity
        case .domainDrug, .domainMedicalDevice, .domainCosmetic, .domainSpecialEquipment, .domainIndustrialProduct: return .domain
        case .entityTypeIndividualBusiness, .entityTypeFarmersCooperative, .entityTypeOther: return .entityType
        case .licenceLapsed36m: return .licenceLapsed
        case .monthsSinceInspected: return .notInspected
        }
    }
}
