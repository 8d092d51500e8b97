import Foundation
import Lottery

/// `names.csv`: display names for the public notice, `id,name`, RFC 4180 quoting allowed
/// (names contain commas). Ids are enterprise or inspector ids. Not part of the manifest:
/// names do not influence the draw, and a typo fixed in a name must not change the digest.
public enum DrawNames {
    public static let fileName = "names.csv"
    public static let header = "id,name"

    /// Parses the file; a row without two fields or a repeated id is an error naming the line.
    public static func read(_ data: Data, file: String) throws(DrawError) -> [String: String] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(LotteryError(file: file, "must be UTF-8"))
        }
        var names: [String: String] = [:]
        var lineOf: [String: Int] = [:]
        let records = try parseCSV(text, file: file)
        guard let first = records.first, first.fields == ["id", "name"] else {
            throw .invalid(LotteryError(file: file, line: 1, field: "header", "must be '\(header)'; got '\(records.first?.fields.joined(separator: ",") ?? "")'"))
        }
        for record in records.dropFirst() {
            guard record.fields.count == 2, !record.fields[0].isEmpty else {
                throw .invalid(LotteryError(file: file, line: record.line, "must have 2 fields (id,name); got \(record.fields.count)"))
            }
            let id = record.fields[0]
            if let previous = lineOf[id] {
                throw .invalid(LotteryError(file: file, line: record.line, field: "id", "must be unique; got '\(id)' again (first on line \(previous))"))
            }
            lineOf[id] = record.line
            names[id] = record.fields[1]
        }
        return names
    }

    /// The canonical bytes: header, rows sorted by id, fields quoted when needed.
    public static func render(_ names: [String: String]) -> Data {
        func quote(_ value: String) -> String {
            value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
        }
        var text = header + "\n"
        for id in names.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            text += quote(id) + "," + quote(names[id]!) + "\n"
        }
        return Data(text.utf8)
    }

    /// A minimal RFC 4180 reader (quotes, doubled quotes, CRLF or LF); records with their line.
    static func parseCSV(_ text: String, file: String) throws(DrawError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", inQuotes = false, line = 1, recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.unicodeScalars.append("\""); index += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
            } else if c == "," {
                fields.append(field); field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
                fields.append(field); field = ""
                if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
                fields = []
                line += 1
                recordLine = line
            } else {
                field.unicodeScalars.append(c)
            }
            index += 1
        }
        if inQuotes { throw .invalid(LotteryError(file: file, line: recordLine, "has an unterminated quote")) }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append((recordLine, fields)) }
        return records
    }
}
