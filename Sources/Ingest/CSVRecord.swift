/// One CSV record: its fields (quotes removed, `""` unescaped) and the 1-based physical line
/// on which it starts (a quoted field with embedded newlines spans several lines).
public struct CSVRecord: Sendable, Equatable {
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    public subscript(index: Int) -> String { fields[index] }

    public var count: Int { fields.count }
}
