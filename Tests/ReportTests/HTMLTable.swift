import Foundation

/// The cells of `<table id="…">` in a report page, one array per data row (header dropped),
/// tags stripped and entities decoded.
enum HTMLTable {
    static func rows(_ id: String, in html: String) -> [[String]] {
        guard let start = html.range(of: "<table id=\"\(id)\">"), let end = html.range(of: "</table>", range: start.upperBound..<html.endIndex) else {
            return []
        }
        let table = html[start.upperBound..<end.lowerBound]
        return table.components(separatedBy: "<tr>").dropFirst(2).map { row in
            row.components(separatedBy: "<td").dropFirst().map { cell in
                let inner = cell[cell.index(after: cell.firstIndex(of: ">")!)...]
                return unescape(String(inner.prefix { $0 != "<" }))
            }
        }
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
