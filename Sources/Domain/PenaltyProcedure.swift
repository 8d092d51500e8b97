/// 简易程序 (summary) or 普通程序 (ordinary) procedure of 行政处罚法.
public enum PenaltyProcedure: String, FileToken, Codable {
    case summary, ordinary
}
