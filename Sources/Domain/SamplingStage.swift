/// Where in the chain a sampled batch was taken.
public enum SamplingStage: String, FileToken, Codable {
    case production, distribution, catering, online, use
}
