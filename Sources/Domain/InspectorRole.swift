/// An enforcement officer (holds a 执法证 and counts toward the team of two) or an outside expert.
public enum InspectorRole: String, FileToken, Codable {
    case enforcement, expert
}
