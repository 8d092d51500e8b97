/// The rows of an analyst's CSV as text, with the file line each row started on, so that
/// every error about a value can name file, line and column.
public struct FitTable: Sendable, Equatable {
    /// The file name used in messages.
    public let file: String
    public let header: [String]
    public let rows: [[String]]
    /// 1-based file line of each row (a quoted field may span lines).
    public let lineNumbers: [Int]

    public init(file: String, header: [String], rows: [[String]], lineNumbers: [Int]) {
        precondition(rows.count == lineNumbers.count, "one line number per row")
        self.file = file
        self.header = header
        self.rows = rows
        self.lineNumbers = lineNumbers
    }

    /// The index of `column` in the header, or `FitError.unknownColumn`.
    func index(of column: String) throws(FitError) -> Int {
        guard let index = header.firstIndex(of: column) else {
            throw .unknownColumn(file: file, column: column, header: header)
        }
        return index
    }
}
