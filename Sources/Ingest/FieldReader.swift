import Domain

/// Typed access to one record's fields by column name, turning every violation into an
/// `IngestError` that names file, line, field and value and says what is allowed.
struct FieldReader {
    let file: String
    let record: CSVRecord
    let columns: [String: Int]
    let extractDate: CivilDate?

    func fail(_ field: String, _ requirement: String, _ value: String) -> IngestError {
        IngestError(file: file, line: record.line, field: field, message: "field '\(field)' must be \(requirement); got '\(value)'")
    }

    func fail(_ error: DomainError) -> IngestError {
        IngestError(file: file, line: record.line, field: error.field, message: error.description)
    }

    /// The raw value with surrounding ASCII spaces and tabs removed; "" for an omitted column.
    func raw(_ field: String) -> String {
        guard let index = columns[field] else { return "" }
        let value = record.fields[index]
        guard let first = value.utf8.first, let last = value.utf8.last else { return value }
        if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { return trimSpaces(value) }
        return value
    }

    func text(_ field: String) throws(IngestError) -> String {
        let value = raw(field)
        guard !value.isEmpty else { throw fail(field, "non-empty", value) }
        return value
    }

    func optionalText(_ field: String) -> String? {
        let value = raw(field)
        return value.isEmpty ? nil : value
    }

    func date(_ field: String) throws(IngestError) -> CivilDate {
        let value = raw(field)
        guard !value.isEmpty else { throw fail(field, "an ISO date YYYY-MM-DD", value) }
        return try parseDate(field, value)
    }

    func optionalDate(_ field: String) throws(IngestError) -> CivilDate? {
        let value = raw(field)
        return value.isEmpty ? nil : try parseDate(field, value)
    }

    private func parseDate(_ field: String, _ value: String) throws(IngestError) -> CivilDate {
        guard let date = CivilDate(iso: value) else {
            let shaped = value.utf8.count == 10 && value.utf8.enumerated().allSatisfy { index, byte in
                index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= 0x30 && byte <= 0x39)
            }
            throw fail(field, shaped ? "a date that exists in the calendar (YYYY-MM-DD)" : "an ISO date YYYY-MM-DD", value)
        }
        if let extractDate, date > extractDate, !FieldReader.futureDateFields.contains(field) {
            throw fail(field, "on or before the extract date \(extractDate)", value)
        }
        return date
    }

    /// Dates that lie in the future by nature and are not held to the extract date.
    static let futureDateFields: Set<String> = ["expires_on", "cert_valid_until", "valid_until"]

    func token<T: FileToken>(_ field: String, _ type: T.Type = T.self) throws(IngestError) -> T {
        let value = raw(field)
        guard let token = T(rawValue: value) else { throw fail(field, "one of \(T.allowedTokens)", value) }
        return token
    }

    func optionalToken<T: FileToken>(_ field: String, _ type: T.Type = T.self) throws(IngestError) -> T? {
        let value = raw(field)
        if value.isEmpty { return nil }
        guard let token = T(rawValue: value) else { throw fail(field, "empty or one of \(T.allowedTokens)", value) }
        return token
    }

    /// A `;`-joined set of tokens; at least one; repeats are an error.
    func tokenSet<T: FileToken>(_ field: String, _ type: T.Type = T.self) throws(IngestError) -> Set<T> {
        let value = raw(field)
        var result = Set<T>()
        for part in value.split(separator: ";", omittingEmptySubsequences: false) {
            guard let token = T(rawValue: String(part)), result.insert(token).inserted else {
                throw fail(field, "a ;-joined set of \(T.allowedTokens)", value)
            }
        }
        return result
    }

    func yesNo(_ field: String) throws(IngestError) -> Bool {
        switch raw(field) {
        case "yes": return true
        case "no": return false
        case let value: throw fail(field, "yes or no", value)
        }
    }

    func nonNegativeInt(_ field: String) throws(IngestError) -> Int {
        let value = raw(field)
        guard !value.isEmpty, value.utf8.count <= 9, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(value) else {
            throw fail(field, "a whole number ≥ 0 in ASCII digits", value)
        }
        return number
    }

    /// CNY amount ≥ 0 with at most 2 decimals, as integer fen.
    func amountFen(_ field: String) throws(IngestError) -> Int {
        let value = raw(field)
        guard let fen = CNYAmount.fen(from: Substring(value)) else {
            throw fail(field, "an amount in CNY ≥ 0 with at most 2 decimals and no separators or units (e.g. 1000 or 1000.50)", value)
        }
        return fen
    }

    func creditCode(_ field: String, exceptions: Set<String>, warnings: inout [IngestWarning]) throws(IngestError) -> CreditCode {
        let value = raw(field)
        switch CreditCode.validate(Substring(value), exceptions: exceptions) {
        case let .success(validated):
            for warning in validated.warnings {
                warnings.append(IngestWarning(file: file, line: record.line, message: "field '\(field)' '\(validated.code)': \(warning)"))
            }
            return validated.code
        case let .failure(error):
            throw IngestError(file: file, line: record.line, field: field, message: "field '\(field)' must be \(error)")
        }
    }

    func district(_ field: String) throws(IngestError) -> String {
        let value = raw(field)
        guard value.utf8.count == 6, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw fail(field, "a GB/T 2260 division code of 6 ASCII digits", value)
        }
        return value
    }
}
