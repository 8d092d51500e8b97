/// Lab result of a sampled batch: 合格 pass / 不合格 fail.
public enum SamplingResult: String, FileToken, Codable {
    case pass, fail
}
