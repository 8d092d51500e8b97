/// Ground for a recusal (回避, Art. 43 of 行政处罚法; `priorInspection` is our rule L5).
public enum ConflictReason: String, FileToken, Codable {
    case kinship
    case formerEmployment = "former_employment"
    case financialInterest = "financial_interest"
    case enterpriseRequest = "enterprise_request"
    case priorInspection = "prior_inspection"
    case other
}
