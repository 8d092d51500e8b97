/// Whether a complaint was found to be true.
public enum Substantiation: String, FileToken, Codable {
    case yes, no, pending
}
