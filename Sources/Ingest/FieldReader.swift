import Domain

/// Typed access to the current record's fields by column name, turning every violation into an
/// `IngestError` that names file, line, field and value and says what is allowed.
///
/// Fields are read from the reader's byte buffer: dates, numbers, amounts, yes/no and known
/// credit codes are parsed in place and a `String` is built only for text that is kept (or for a
/// message). `perf` of the import (Benchmarks/README.md "Import") showed the per-field `String`
/// of the earlier `[String]` records and the name → index dictionary as a large share of the
/// per-row cost.
struct FieldReader {
    let file: String
    let csv: CSVReader
    let line: Int
    /// Header names in file order.
    let columns: ColumnNames
    let extractDate: CivilDate?

    func fail(_ field: String, _ requirement: String, _ value: String) -> IngestError {
        IngestError(file: file, line: line, field: field, message: "field '\(field)' must be \(requirement); got '\(value)'")
    }

    func fail(_ field: StaticString, _ requirement: String, _ value: String) -> IngestError {
        fail(field.description, requirement, value)
    }

    func fail(_ error: DomainError) -> IngestError {
        IngestError(file: file, line: line, field: error.field, message: error.description)
    }

    @inline(__always)
    private func index(_ field: StaticString) -> Int? { columns.index(of: field) }

    /// The field's bytes with surrounding ASCII spaces and tabs removed; empty for an omitted
    /// column. Valid until the reader moves on.
    @inline(__always)
    func bytes(_ field: StaticString) -> UnsafeBufferPointer<UInt8> {
        guard let index = index(field) else { return UnsafeBufferPointer(start: nil, count: 0) }
        let all = csv.field(index)
        guard let base = all.baseAddress, !all.isEmpty else { return all }
        var from = 0
        var to = all.count
        while from < to, base[from] == 0x20 || base[from] == 0x09 { from += 1 }
        while to > from, base[to - 1] == 0x20 || base[to - 1] == 0x09 { to -= 1 }
        return UnsafeBufferPointer(start: base + from, count: to - from)
    }

    /// The raw value with surrounding ASCII spaces and tabs removed; "" for an omitted column.
    func raw(_ field: StaticString) -> String {
        String(decoding: bytes(field), as: UTF8.self)
    }

    func text(_ field: StaticString) throws(IngestError) -> String {
        let value = raw(field)
        guard !value.isEmpty else { throw fail(field, "non-empty", value) }
        return value
    }

    func optionalText(_ field: StaticString) -> String? {
        let value = bytes(field)
        return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
    }

    func date(_ field: StaticString) throws(IngestError) -> CivilDate {
        let value = bytes(field)
        guard !value.isEmpty else { throw fail(field, "an ISO date YYYY-MM-DD", "") }
        return try parseDate(field, value)
    }

    func optionalDate(_ field: StaticString) throws(IngestError) -> CivilDate? {
        let value = bytes(field)
        return value.isEmpty ? nil : try parseDate(field, value)
    }

    private func parseDate(_ field: StaticString, _ bytes: UnsafeBufferPointer<UInt8>) throws(IngestError) -> CivilDate {
        guard let date = CivilDate(isoBytes: bytes) else {
            let value = String(decoding: bytes, as: UTF8.self)
            let shaped = value.utf8.count == 10 && value.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= 0x30 && byte <= 0x39)
            }
            throw fail(field, shaped ? "a date that exists in the calendar (YYYY-MM-DD)" : "an ISO date YYYY-MM-DD", value)
        }
        if let extractDate, date > extractDate, !FieldReader.isFutureDateField(field.description) {
            throw fail(field, "on or before the extract date \(extractDate)", String(decoding: bytes, as: UTF8.self))
        }
        return date
    }

    /// Dates that lie in the future by nature and are not held to the extract date.
    static func isFutureDateField(_ field: String) -> Bool {
        field == "expires_on" || field == "cert_valid_until" || field == "valid_until"
    }

    func token<T: FileToken>(_ field: StaticString, _ type: T.Type = T.self) throws(IngestError) -> T {
        let value = raw(field)
        guard let token = T(rawValue: value) else { throw fail(field, "one of \(T.allowedTokens)", value) }
        return token
    }

    func optionalToken<T: FileToken>(_ field: StaticString, _ type: T.Type = T.self) throws(IngestError) -> T? {
        let bytes = bytes(field)
        if bytes.isEmpty { return nil }
        let value = String(decoding: bytes, as: UTF8.self)
        guard let token = T(rawValue: value) else { throw fail(field, "empty or one of \(T.allowedTokens)", value) }
        return token
    }

    /// A `;`-joined set of tokens; at least one; repeats are an error.
    func tokenSet<T: FileToken>(_ field: StaticString, _ type: T.Type = T.self) throws(IngestError) -> Set<T> {
        let bytes = bytes(field)
        var result = Set<T>(minimumCapacity: 2)
        var from = 0
        var index = 0
        while true {
            if index == bytes.count || bytes[index] == UInt8(ascii: ";") {
                let part = UnsafeBufferPointer(rebasing: bytes[from..<index])
                guard let token = T(rawValue: String(decoding: part, as: UTF8.self)), result.insert(token).inserted else {
                    throw fail(field, "a ;-joined set of \(T.allowedTokens)", String(decoding: bytes, as: UTF8.self))
                }
                if index == bytes.count { break }
                from = index + 1
            }
            index += 1
        }
        return result
    }

    /// The `;`-separated parts of the field (empty parts kept; none for an empty field), split on
    /// bytes: `String.split` walks characters and was a visible share of an inspection row.
    /// `;` is ASCII and never inside a multi-byte UTF-8 sequence; the parts differ from
    /// `String.split`'s only after a `;` followed by a combining mark, which makes an invalid id
    /// either way (`Inspection` allows A-Z a-z 0-9 _ - only).
    func split(_ field: StaticString) -> [String] {
        let bytes = bytes(field)
        guard !bytes.isEmpty else { return [] }
        var parts: [String] = []
        var from = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<index]), as: UTF8.self))
            from = index + 1
        }
        return parts
    }

    func yesNo(_ field: StaticString) throws(IngestError) -> Bool {
        let value = bytes(field)
        if value.count == 3, value[0] == UInt8(ascii: "y"), value[1] == UInt8(ascii: "e"), value[2] == UInt8(ascii: "s") { return true }
        if value.count == 2, value[0] == UInt8(ascii: "n"), value[1] == UInt8(ascii: "o") { return false }
        throw fail(field, "yes or no", String(decoding: value, as: UTF8.self))
    }

    func nonNegativeInt(_ field: StaticString) throws(IngestError) -> Int {
        let value = bytes(field)
        guard !value.isEmpty, value.count <= 9, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw fail(field, "a whole number ≥ 0 in ASCII digits", String(decoding: value, as: UTF8.self))
        }
        var number = 0
        for byte in value { number = number * 10 + Int(byte - 0x30) }
        return number
    }

    /// CNY amount ≥ 0 with at most 2 decimals, as integer fen.
    func amountFen(_ field: StaticString) throws(IngestError) -> Int {
        let value = bytes(field)
        guard let fen = CNYAmount.fen(fromBytes: value) else {
            throw fail(field, "an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50)",
                       String(decoding: value, as: UTF8.self))
        }
        return fen
    }

    func creditCode(_ field: StaticString, exceptions: Set<String>, warnings: inout [IngestWarning]) throws(IngestError) -> CreditCode {
        let value = raw(field)
        switch CreditCode.validate(Substring(value), exceptions: exceptions) {
        case let .success(validated):
            for warning in validated.warnings {
                warnings.append(IngestWarning(file: file, line: line, message: "field '\(field)' '\(validated.code)': \(warning)"))
            }
            return validated.code
        case let .failure(error):
            throw IngestError(file: file, line: line, field: field.description, message: "field '\(field)' must be \(error)")
        }
    }

    func district(_ field: StaticString) throws(IngestError) -> String {
        let value = bytes(field)
        guard value.count == 6, value.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw fail(field, "a GB/T 2260 division code of 6 ASCII digits", String(decoding: value, as: UTF8.self))
        }
        return String(decoding: value, as: UTF8.self)
    }
}
