import Domain

/// `roster.csv` of a frozen draw: `inspector_id,domains,district,capacity`, sorted by
/// `inspector_id`, `domains` the `;`-joined sorted list.
public struct FrozenRoster: Sendable {
    public static let fileName = "roster.csv"
    public static let header = "inspector_id,domains,district,capacity"

    public let bytes: [UInt8]
    public let members: [RosterMember]

    /// Parses strictly: ascending unique ids, domains sorted without repeats, capacity ≥ 0.
    public init(frozen bytes: [UInt8], file: String = FrozenRoster.fileName) throws(LotteryError) {
        self.bytes = bytes
        self.members = try FrozenRoster.parse(bytes, file: file, canonical: true).map(\.member)
    }

    /// Re-canonicalises a roster in the frozen format: rows sorted by id, each domain list
    /// sorted. A repeated id or a repeated domain is an error.
    public static func canonicalising(_ bytes: [UInt8], file: String) throws(LotteryError) -> FrozenRoster {
        let rows = try parse(bytes, file: file, canonical: false)
        let sorted = rows.sorted { $0.member.inspectorID.utf8.lexicographicallyPrecedes($1.member.inspectorID.utf8) }
        for index in sorted.indices.dropFirst() where sorted[index].member.inspectorID == sorted[index - 1].member.inspectorID {
            let lines = [sorted[index - 1].line, sorted[index].line].sorted()
            throw LotteryError(file: file, line: lines[1], field: "inspector_id",
                               "must be unique; got '\(sorted[index].member.inspectorID)' again (first on line \(lines[0]))")
        }
        return try FrozenRoster(frozen: render(sorted.map(\.member)), file: file)
    }

    /// The canonical bytes of some members (sorted here).
    public static func render(_ members: [RosterMember]) -> [UInt8] {
        var text = header + "\n"
        for member in members.sorted(by: { $0.inspectorID.utf8.lexicographicallyPrecedes($1.inspectorID.utf8) }) {
            let domains = member.domains.sorted().map(\.rawValue).joined(separator: ";")
            text += "\(member.inspectorID),\(domains),\(member.district),\(member.capacity)\n"
        }
        return Array(text.utf8)
    }

    private static func parse(_ bytes: [UInt8], file: String, canonical: Bool) throws(LotteryError)
        -> [(line: Int, member: RosterMember)]
    {
        var rows: [(line: Int, member: RosterMember)] = []
        var previous: (id: String, line: Int)? = nil
        try FrozenCSV.forEachRow(bytes, file: file, header: header) { (line, fields) throws(LotteryError) in
            let id = FrozenCSV.string(bytes, fields[0])
            guard RosterMember.isValidID(id) else {
                throw LotteryError(file: file, line: line, field: "inspector_id",
                                   "must be 1-32 characters from A-Z a-z 0-9 _ -; got '\(FrozenCSV.printable(id))'")
            }
            if canonical, let previous, !previous.id.utf8.lexicographicallyPrecedes(id.utf8) {
                if previous.id == id {
                    throw LotteryError(file: file, line: line, field: "inspector_id", "must be unique; got '\(id)' again (line \(previous.line))")
                }
                throw LotteryError(file: file, line: line, field: "inspector_id",
                                   "must be in ascending byte order (canonical order); got '\(id)' after '\(previous.id)' on line \(previous.line)")
            }
            previous = (id, line)
            let domainsText = FrozenCSV.string(bytes, fields[1])
            var domains: [SupervisionDomain] = []
            for token in domainsText.split(separator: ";", omittingEmptySubsequences: false) {
                guard let domain = SupervisionDomain(rawValue: String(token)) else {
                    throw LotteryError(file: file, line: line, field: "domains",
                                       "must be a ';'-joined list of \(SupervisionDomain.allowedTokens); got '\(FrozenCSV.printable(domainsText))' with '\(FrozenCSV.printable(String(token)))'")
                }
                guard !domains.contains(domain) else {
                    throw LotteryError(file: file, line: line, field: "domains", "must not repeat a domain; got '\(domainsText)'")
                }
                domains.append(domain)
            }
            if canonical, domains != domains.sorted() {
                throw LotteryError(file: file, line: line, field: "domains",
                                   "must be sorted (canonical order \(domains.sorted().map(\.rawValue).joined(separator: ";"))); got '\(domainsText)'")
            }
            let district = FrozenCSV.string(bytes, fields[2])
            guard district.utf8.count == 6, district.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                throw LotteryError(file: file, line: line, field: "district", "must be a 6-digit GB/T 2260 code; got '\(FrozenCSV.printable(district))'")
            }
            guard let capacity = FrozenCSV.integer(bytes, fields[3]) else {
                throw LotteryError(file: file, line: line, field: "capacity",
                                   "must be a whole number from 0 to 999999999; got '\(FrozenCSV.printable(FrozenCSV.string(bytes, fields[3])))'")
            }
            rows.append((line, RosterMember(inspectorID: id, domains: domains.sorted(), district: district, capacity: capacity)))
        }
        return rows
    }
}
