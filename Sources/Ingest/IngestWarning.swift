/// Something accepted but worth telling (a folded code, a district that differs from the code's,
/// an early serious-list repair). Reads `file:line: message`.
public struct IngestWarning: Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// Line 0 means the file as a whole.
    public var description: String { line > 0 ? "\(file):\(line): warning: \(message)" : "\(file): warning: \(message)" }
}
