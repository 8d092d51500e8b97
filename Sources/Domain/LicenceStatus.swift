/// Status of an administrative licence (许可证).
public enum LicenceStatus: String, FileToken, Codable {
    case valid, suspended, revoked, cancelled, expired
}
