/// Registration status of a market entity (登记状态).
public enum RegistrationStatus: String, FileToken, Codable {
    case active
    case revoked    // 吊销
    case cancelled  // 注销
    case annulled   // 撤销登记
    case movedOut = "moved_out"  // 迁出
}
