/// Why `risktier fit --csv` could not fit: every case names the file (and line and column
/// where there is one), in the project's "`field` must be …; got …" form.
public enum FitError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The --formula text does not parse.
    case formulaSyntax(formula: String, problem: String)
    /// A column named in the formula or options is not in the header.
    case unknownColumn(file: String, column: String, header: [String])
    /// The file has no header or no data rows.
    case emptyFile(file: String)
    /// A row has a different number of fields than the header, or the CSV is malformed.
    case malformedRow(file: String, line: Int, problem: String)
    /// A field of a used column is empty or "NA".
    case missingValue(file: String, line: Int, column: String)
    /// A value that must be a number is not.
    case notANumber(file: String, line: Int, column: String, value: String)
    /// A bare term whose column holds numbers and also a value that is not one (a typo, most
    /// likely; `factor(name)` makes such a column categorical on purpose).
    case mixedColumn(file: String, line: Int, column: String, value: String)
    /// A response, weight or offset value is outside its domain.
    case outOfRange(file: String, line: Int, column: String, requirement: String, value: String)
    /// `ref = "…"` names a level that does not occur.
    case unknownReferenceLevel(file: String, column: String, level: String, levels: [String])
    /// A non-numeric response that does not have exactly two levels.
    case responseLevels(file: String, column: String, levels: [String])
    /// The CSV reader rejected the file (its message names file and line).
    case csv(String)
    /// The statistics engine refused the data.
    case engine(file: String, message: String)
    /// The file could not be read or the output could not be written.
    case io(path: String, message: String)
    /// A validation option does not fit the data (`--cv`, `--time-split`).
    case validation(file: String, option: String, requirement: String, got: String)

    public var description: String {
        switch self {
        case let .formulaSyntax(formula, problem):
            return "`--formula` must read like 'y ~ x1 + x2 + factor(c, ref = \"level\")'; got '\(formula)': \(problem)"
        case let .unknownColumn(file, column, header):
            return "\(file): `\(column)` must be a column of the header; got no such column (columns: \(header.joined(separator: ", ")))"
        case let .emptyFile(file):
            return "\(file): the file must have a header and at least one data row; got none"
        case let .malformedRow(file, line, problem):
            return "\(file):\(line): \(problem)"
        case let .missingValue(file, line, column):
            return "\(file):\(line): `\(column)` must have a value; got a missing value"
        case let .notANumber(file, line, column, value):
            return "\(file):\(line): `\(column)` must be a number; got \"\(value)\""
        case let .mixedColumn(file, line, column, value):
            return "\(file):\(line): `\(column)` must be a number like its other values (write factor(\(column)) to make it categorical); got \"\(value)\""
        case let .outOfRange(file, line, column, requirement, value):
            return "\(file):\(line): `\(column)` must be \(requirement); got \(value)"
        case let .unknownReferenceLevel(file, column, level, levels):
            return "\(file): `\(column)` reference level must be one of its levels (\(levels.joined(separator: ", "))); got \"\(level)\""
        case let .responseLevels(file, column, levels):
            return "\(file): `\(column)` must be numeric 0/1 or have exactly two levels; got \(levels.count) levels (\(levels.prefix(5).joined(separator: ", ")))"
        case let .csv(message):
            return message
        case let .engine(file, message):
            return "\(file): \(message)"
        case let .io(path, message):
            return "\(path): \(message)"
        case let .validation(file, option, requirement, got):
            return "\(file): `\(option)` must be \(requirement); got \(got)"
        }
    }

    /// Exit code: 2 for a usage error (the formula), 1 for everything about the data.
    public var exitCode: Int32 {
        if case .formulaSyntax = self { return 2 }
        return 1
    }
}
