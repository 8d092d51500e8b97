/// The byte encoding of a CSV file. Exports default to UTF-8 (with or without BOM); Chinese
/// government systems often write GB18030/GBK, read with `--encoding gb18030`.
public enum CSVEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    /// The tokens accepted on the command line.
    public static var allowedTokens: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
