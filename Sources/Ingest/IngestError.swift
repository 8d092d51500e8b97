/// The one error type of `Ingest`. Its description reads `file:line: message`, where the message
/// names the field and the value and says what is allowed
/// (`penalties.csv:17: field 'kinds' must be a ;-joined set of warning, …; got 'fines'`).
public struct IngestError: Error, Equatable, Sendable, CustomStringConvertible {
    /// File name as given to the reader (usually the last path component).
    public let file: String
    /// 1-based physical line, or nil for a problem with the file as a whole.
    public let line: Int?
    /// The column concerned, if any.
    public let field: String?
    /// Everything after `file:line: `.
    public let message: String

    public init(file: String, line: Int?, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
