/// Why a model scored an enterprise high: one code per group of features (DOMAIN.md §2.3).
/// The raw value is the code written in outputs; declaration order breaks ties.
public enum ReasonCode: String, CaseIterable, Codable, Sendable {
    case penalties12m = "R_PEN_12M"
    case penalties36m = "R_PEN_36M"
    case heavyPenalties = "R_PEN_HEAVY"
    case penaltyFines = "R_PEN_FINE"
    case recentPenalty = "R_PEN_RECENT"
    case samplingExposure = "R_SAMP_TESTS"
    case samplingFails = "R_SAMP_FAIL"
    case samplingSafetyFail = "R_SAMP_SAFETY"
    case inspectionExposure = "R_INSP_COUNT"
    case seriousInspections = "R_INSP_SERIOUS"
    case inspectionFindings = "R_INSP_FINDINGS"
    case complaints = "R_COMPLAINTS"
    case abnormalHistory = "R_ABNORMAL_HIST"
    case seriousListExit = "R_SERIOUS_EXITED"
    case entityAge = "R_ENTITY_AGE"
    case newEntity = "R_NEW_ENTITY"
    case domain = "R_DOMAIN"
    case entityType = "R_ENTITY_TYPE"
    case licenceLapsed = "R_LICENCE_LAPSED"
    case notInspected = "R_NOT_INSPECTED"

    public var chineseText: String {
        switch self {
        case .penalties12m: return "近12个月受到行政处罚"
        case .penalties36m: return "近36个月受到行政处罚"
        case .heavyPenalties: return "近期受到较重行政处罚"
        case .penaltyFines: return "近36个月罚款金额较大"
        case .recentPenalty: return "距最近一次行政处罚时间较短"
        case .samplingExposure: return "近36个月抽检批次较多"
        case .samplingFails: return "监督抽检不合格"
        case .samplingSafetyFail: return "抽检存在安全性不合格"
        case .inspectionExposure: return "近36个月检查次数较多"
        case .seriousInspections: return "检查发现严重问题"
        case .inspectionFindings: return "检查发现问题较多"
        case .complaints: return "近12个月投诉举报较多"
        case .abnormalHistory: return "列入经营异常名录"
        case .seriousListExit: return "近36个月移出严重违法失信名单"
        case .entityAge: return "成立年限"
        case .newEntity: return "新设立经营主体"
        case .domain: return "所属监管领域风险较高"
        case .entityType: return "主体类型"
        case .licenceLapsed: return "许可证被吊销或过期"
        case .notInspected: return "长期未被检查"
        }
    }

    public var englishText: String {
        switch self {
        case .penalties12m: return "administrative penalties in the last 12 months"
        case .penalties36m: return "administrative penalties in the last 36 months"
        case .heavyPenalties: return "recent heavier penalties"
        case .penaltyFines: return "large fines in the last 36 months"
        case .recentPenalty: return "penalised recently"
        case .samplingExposure: return "many sampled batches in the last 36 months"
        case .samplingFails: return "failed supervisory sampling tests"
        case .samplingSafetyFail: return "a safety failure in sampling tests"
        case .inspectionExposure: return "many inspections in the last 36 months"
        case .seriousInspections: return "serious findings in inspections"
        case .inspectionFindings: return "many findings per inspection"
        case .complaints: return "complaints in the last 12 months"
        case .abnormalHistory: return "on the abnormal-operation list"
        case .seriousListExit: return "left the serious-violation list in the last 36 months"
        case .entityAge: return "age of the entity"
        case .newEntity: return "newly registered entity"
        case .domain: return "higher-risk supervision domain"
        case .entityType: return "type of entity"
        case .licenceLapsed: return "a licence revoked or expired"
        case .notInspected: return "not inspected for a long time"
        }
    }
}
