/// Why a sampled batch failed.
public enum FailClass: String, FileToken, Codable {
    case safety, quality, labelling
}
