/// `conflicts.csv` of a frozen draw: `inspector_id,enterprise_id,reason`, sorted by
/// (inspector_id, enterprise_id) and then reason, so one pair may carry several reasons.
public struct FrozenConflicts: Sendable {
    public static let fileName = "conflicts.csv"
    public static let header = "inspector_id,enterprise_id,reason"

    public let bytes: [UInt8]
    public let rows: [ConflictRow]

    /// Parses strictly: rows in strictly ascending canonical order (a repeat is a duplicate).
    public init(frozen bytes: [UInt8], file: String = FrozenConflicts.fileName) throws(LotteryError) {
        self.bytes = bytes
        self.rows = try FrozenConflicts.parse(bytes, file: file, canonical: true).map(\.row)
    }

    /// Re-canonicalises conflicts in the frozen format: sorted; an exact repeat is an error.
    public static func canonicalising(_ bytes: [UInt8], file: String) throws(LotteryError) -> FrozenConflicts {
        let parsed = try parse(bytes, file: file, canonical: false)
        let sorted = parsed.sorted { ConflictRow.precedes($0.row, $1.row) }
        for index in sorted.indices.dropFirst() where sorted[index].row == sorted[index - 1].row {
            let lines = [sorted[index - 1].line, sorted[index].line].sorted()
            throw LotteryError(file: file, line: lines[1], "must not repeat a row; got the same row as line \(lines[0])")
        }
        return try FrozenConflicts(frozen: render(sorted.map(\.row)), file: file)
    }

    /// The canonical bytes of some rows (sorted here).
    public static func render(_ rows: [ConflictRow]) -> [UInt8] {
        var out = Array((header + "\n").utf8)
        for row in rows.sorted(by: ConflictRow.precedes) {
            out += "\(row.inspectorID),\(row.enterpriseID),\(row.reason)\n".utf8
        }
        return out
    }

    private static func parse(_ bytes: [UInt8], file: String, canonical: Bool) throws(LotteryError) -> [(line: Int, row: ConflictRow)] {
        var rows: [(line: Int, row: ConflictRow)] = []
        try FrozenCSV.forEachRow(bytes, file: file, header: header) { (line, fields) throws(LotteryError) in
            let inspector = FrozenCSV.string(bytes, fields[0])
            guard RosterMember.isValidID(inspector) else {
                throw LotteryError(file: file, line: line, field: "inspector_id",
                                   "must be 1-32 characters from A-Z a-z 0-9 _ -; got '\(FrozenCSV.printable(inspector))'")
            }
            let enterprise = FrozenCSV.string(bytes, fields[1])
            guard (1...64).contains(fields[1].count), fields[1].allSatisfy({ FrozenCSV.isIDByte(bytes[$0]) }) else {
                throw LotteryError(file: file, line: line, field: "enterprise_id",
                                   "must be 1-64 printable ASCII characters without ',' or '\"'; got '\(FrozenCSV.printable(enterprise))'")
            }
            let reason = FrozenCSV.string(bytes, fields[2])
            guard (1...64).contains(fields[2].count), fields[2].allSatisfy({ FrozenCSV.isIDByte(bytes[$0]) }) else {
                throw LotteryError(file: file, line: line, field: "reason",
                                   "must be a token such as kinship, former_employment, financial_interest, enterprise_request, prior_inspection, other; got '\(FrozenCSV.printable(reason))'")
            }
            let row = ConflictRow(inspectorID: inspector, enterpriseID: enterprise, reason: reason)
            if canonical, let last = rows.last, !ConflictRow.precedes(last.row, row) {
                if last.row == row {
                    throw LotteryError(file: file, line: line, "must not repeat a row; got the same row as line \(last.line)")
                }
                throw LotteryError(file: file, line: line, field: "inspector_id",
                                   "must be in ascending order of (inspector_id, enterprise_id, reason) (canonical order); got '\(inspector),\(enterprise)' after '\(last.row.inspectorID),\(last.row.enterpriseID)' on line \(last.line)")
            }
            rows.append((line, row))
        }
        return rows
    }
}
