import Domain

/// `population.csv` of a frozen draw: one row per eligible enterprise, sorted by
/// `enterprise_id` bytewise (DESIGN.md). Kept as the file's bytes plus per-row offsets so that
/// a 10⁶-row population is parsed without a String per row.
public struct FrozenPopulation: Sendable {
    public static let fileName = "population.csv"
    public static let header = "enterprise_id,stratum,domain,district"

    /// The canonical file bytes (what the manifest's digest covers).
    public let bytes: [UInt8]
    let idStart: [UInt32]
    let idLength: [UInt8]
    let districtStart: [UInt32]
    let stratumIndexOfRow: [UInt16]
    let domainOfRow: [UInt8]
    /// The distinct strata present, in record order (A, B, C, D, then other names).
    public let strataPresent: [DrawStratum]

    public var count: Int { idStart.count }

    public func enterpriseID(_ row: Int) -> String {
        let start = Int(idStart[row])
        return FrozenCSV.string(bytes, start..<(start + Int(idLength[row])))
    }

    public func stratum(_ row: Int) -> DrawStratum { strataPresent[Int(stratumIndexOfRow[row])] }

    public func domain(_ row: Int) -> SupervisionDomain { SupervisionDomain.allCases[Int(domainOfRow[row])] }

    public func district(_ row: Int) -> String {
        let start = Int(districtStart[row])
        return FrozenCSV.string(bytes, start..<(start + 6))
    }

    /// Calls `body` with the id's UTF-8 bytes (no copy).
    @inline(__always)
    func withID<R>(_ row: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        bytes.withUnsafeBytes { raw in
            let start = Int(idStart[row])
            return body(UnsafeRawBufferPointer(rebasing: raw[start..<(start + Int(idLength[row]))]))
        }
    }

    /// Parses a frozen `population.csv` strictly: exact header, rows in strictly ascending
    /// `enterprise_id` order (a repeat is named as a duplicate), known domain, 6-digit district,
    /// a stratum token.
    public init(frozen bytes: [UInt8], file: String = FrozenPopulation.fileName) throws(LotteryError) {
        self = try FrozenPopulation.parse(bytes, file: file, requireOrder: true).population
    }

    /// Re-canonicalises a population given in the frozen format but possibly unsorted, with
    /// each `enterprise_id` validated as a unified social credit code (DOMAIN.md §1.1; lower
    /// case is folded). Duplicates are an error naming both lines.
    /// With `allowedStrata`, a stratum outside it is an error naming the input line.
    public static func canonicalising(_ bytes: [UInt8], file: String, allowedStrata: Set<DrawStratum>? = nil) throws(LotteryError) -> FrozenPopulation {
        let parsed = try parse(bytes, file: file, requireOrder: false, allowedStrata: allowedStrata)
        let population = parsed.population
        var ids: [String] = []
        ids.reserveCapacity(population.count)
        var changed = false
        for row in 0..<population.count {
            let raw = population.enterpriseID(row)
            if FrozenPopulation.isValidCanonicalCode(raw) {
                ids.append(raw)
                continue
            }
            switch CreditCode.validate(Substring(raw)) {
            case let .success(validated):
                ids.append(validated.code.value)
                changed = true
            case let .failure(error):
                throw LotteryError(file: file, line: parsed.lines[row], field: "enterprise_id", "must be \(error)")
            }
        }
        var order = Array(0..<population.count)
        if changed || !parsed.sorted {
            order.sort { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
        }
        var out = Array(header.utf8) + [FrozenCSV.newline]
        out.reserveCapacity(bytes.count + 1)
        for (position, row) in order.enumerated() {
            if position > 0, ids[order[position - 1]] == ids[row] {
                let lines = [parsed.lines[order[position - 1]], parsed.lines[row]].sorted()
                throw LotteryError(file: file, line: lines[1], field: "enterprise_id",
                                   "must be unique; got '\(ids[row])' again (first on line \(lines[0]))")
            }
            out += ids[row].utf8
            out.append(FrozenCSV.comma)
            out += population.stratum(row).name.utf8
            out.append(FrozenCSV.comma)
            out += population.domain(row).rawValue.utf8
            out.append(FrozenCSV.comma)
            out += population.district(row).utf8
            out.append(FrozenCSV.newline)
        }
        return try FrozenPopulation(frozen: out, file: file)
    }

    /// Builds the canonical file from rows (the store path); validates and sorts like
    /// `canonicalising`.
    public static func make(rows: [(enterpriseID: String, stratum: DrawStratum, domain: SupervisionDomain, district: String)],
                            file: String = FrozenPopulation.fileName, allowedStrata: Set<DrawStratum>? = nil) throws(LotteryError) -> FrozenPopulation {
        var text = header + "\n"
        for row in rows { text += "\(row.enterpriseID),\(row.stratum.name),\(row.domain.rawValue),\(row.district)\n" }
        return try canonicalising(Array(text.utf8), file: file, allowedStrata: allowedStrata)
    }

    /// Fast structural test for an already canonical USCC (18 charset characters, positions 3–8
    /// digits, check character right); anything else goes through `CreditCode.validate`.
    static func isValidCanonicalCode(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 18 else { return false }
        for index in 2..<8 where !(bytes[index] >= 48 && bytes[index] <= 57) { return false }
        guard let check = CreditCode.checkCharacter(for: bytes[0..<17]) else { return false }
        return check.asciiValue == bytes[17]
    }

    private static func parse(_ bytes: [UInt8], file: String, requireOrder: Bool, allowedStrata: Set<DrawStratum>? = nil) throws(LotteryError)
        -> (population: FrozenPopulation, lines: [Int], sorted: Bool)
    {
        var idStart: [UInt32] = [], idLength: [UInt8] = [], districtStart: [UInt32] = []
        var stratumIndexOfRow: [UInt16] = [], domainOfRow: [UInt8] = []
        var lines: [Int] = []
        let estimate = bytes.count / 40
        idStart.reserveCapacity(estimate); idLength.reserveCapacity(estimate); districtStart.reserveCapacity(estimate)
        stratumIndexOfRow.reserveCapacity(estimate); domainOfRow.reserveCapacity(estimate)
        if !requireOrder { lines.reserveCapacity(estimate) }
        var strataTokens: [[UInt8]] = []
        var strataSeen: [DrawStratum] = []
        var previousID: Range<Int>? = nil
        var previousLine = 0
        var sorted = true
        try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(LotteryError) in
            try FrozenCSV.forEachRow(bytes, file: file, header: header) { (line, fields) throws(LotteryError) in
                let id = fields[0]
                guard (1...64).contains(id.count), id.allSatisfy({ FrozenCSV.isIDByte(buffer[$0]) }) else {
                    throw LotteryError(file: file, line: line, field: "enterprise_id",
                                       "must be 1-64 printable ASCII characters without ',' or '\"'; got '\(FrozenCSV.printable(FrozenCSV.string(bytes, id)))'")
                }
                if let previous = previousID {
                    let order = FrozenCSV.compare(buffer, previous, id)
                    if order >= 0 {
                        sorted = false
                        if requireOrder {
                            let text = FrozenCSV.string(bytes, id)
                            if order == 0 {
                                throw LotteryError(file: file, line: line, field: "enterprise_id",
                                                   "must be unique; got '\(text)' again (line \(previousLine))")
                            }
                            throw LotteryError(file: file, line: line, field: "enterprise_id",
                                               "must be in ascending byte order (canonical order); got '\(text)' after '\(FrozenCSV.string(bytes, previous))' on line \(previousLine)")
                        }
                    }
                }
                previousID = id
                previousLine = line
                // Stratum: a handful of distinct tokens, so a linear scan beats hashing.
                let stratumRange = fields[1]
                var stratumIndex = -1
                for (index, token) in strataTokens.enumerated() where token.count == stratumRange.count
                    && buffer[stratumRange].elementsEqual(token) {
                    stratumIndex = index
                    break
                }
                if stratumIndex < 0 {
                    let text = FrozenCSV.string(bytes, stratumRange)
                    guard let stratum = DrawStratum(text) else {
                        throw LotteryError(file: file, line: line, field: "stratum",
                                           "must be a stratum token of 1-32 letters, digits, '_' or '-' (a tier A-D); got '\(FrozenCSV.printable(text))'")
                    }
                    if let allowedStrata, !allowedStrata.contains(stratum) {
                        throw LotteryError(file: file, line: line, field: "stratum",
                                           "must be one of the plan's strata (\(allowedStrata.sorted().map(\.name).joined(separator: ", "))); got '\(text)'")
                    }
                    guard strataTokens.count < Int(UInt16.max) else {
                        throw LotteryError(file: file, line: line, field: "stratum", "must take fewer than 65535 distinct values")
                    }
                    strataTokens.append(Array(text.utf8))
                    strataSeen.append(stratum)
                    stratumIndex = strataTokens.count - 1
                }
                guard let domain = FrozenCSV.domainIndex(buffer, fields[2]) else {
                    throw LotteryError(file: file, line: line, field: "domain",
                                       "must be one of \(SupervisionDomain.allowedTokens); got '\(FrozenCSV.printable(FrozenCSV.string(bytes, fields[2])))'")
                }
                let district = fields[3]
                guard district.count == 6, district.allSatisfy({ buffer[$0] >= 48 && buffer[$0] <= 57 }) else {
                    throw LotteryError(file: file, line: line, field: "district",
                                       "must be a 6-digit GB/T 2260 code; got '\(FrozenCSV.printable(FrozenCSV.string(bytes, district)))'")
                }
                idStart.append(UInt32(id.lowerBound))
                idLength.append(UInt8(id.count))
                districtStart.append(UInt32(district.lowerBound))
                stratumIndexOfRow.append(UInt16(stratumIndex))
                domainOfRow.append(UInt8(domain))
                if !requireOrder { lines.append(line) }
            }
        }
        guard bytes.count < Int(UInt32.max) else {
            throw LotteryError(file: file, "must be smaller than 4 GiB")
        }
        // Renumber strata into record order so that `strataPresent` is sorted.
        let order = strataSeen.indices.sorted { strataSeen[$0] < strataSeen[$1] }
        var newIndex = [UInt16](repeating: 0, count: order.count)
        for (position, old) in order.enumerated() { newIndex[old] = UInt16(position) }
        if order != Array(strataSeen.indices) {
            for row in stratumIndexOfRow.indices { stratumIndexOfRow[row] = newIndex[Int(stratumIndexOfRow[row])] }
        }
        let population = FrozenPopulation(
            bytes: bytes, idStart: idStart, idLength: idLength, districtStart: districtStart,
            stratumIndexOfRow: stratumIndexOfRow, domainOfRow: domainOfRow,
            strataPresent: order.map { strataSeen[$0] })
        return (population, lines, sorted)
    }

    private init(bytes: [UInt8], idStart: [UInt32], idLength: [UInt8], districtStart: [UInt32],
                 stratumIndexOfRow: [UInt16], domainOfRow: [UInt8], strataPresent: [DrawStratum]) {
        self.bytes = bytes
        self.idStart = idStart
        self.idLength = idLength
        self.districtStart = districtStart
        self.stratumIndexOfRow = stratumIndexOfRow
        self.domainOfRow = domainOfRow
        self.strataPresent = strataPresent
    }
}
