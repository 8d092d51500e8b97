import Domain
import Foundation

/// Streams one import file of DOMAIN.md §4: recognises its kind from the header, validates every
/// row against the rules of §4 and the cross-file rules (known enterprise, event domain among
/// the enterprise's domains, known inspectors, no overlapping list spells) using an
/// `ImportContext`, and yields typed rows with their line numbers.
public final class ImportFileReader {
    public let kind: ImportFileKind
    public var fileName: String { csv.fileName }
    /// Warnings raised so far, at most `warningLimit` of them (then only counted).
    public var warnings: [IngestWarning] { warningStore.kept }
    /// Warnings raised beyond `warningLimit`.
    public var suppressedWarningCount: Int { warningStore.suppressed }
    /// Memory bound: a file where every row warns must not hold a warning per row.
    public static let warningLimit = 1000

    private var warningStore = WarningStore()

    private let csv: CSVReader
    private let columns: ColumnNames
    /// Ids seen in this file (inspectors), for the uniqueness rule.
    private var seenIds: Set<String> = []
    /// This file's mark in the import's `EnterpriseIndex` (enterprises), given at its first row:
    /// the index remembers which file defined each code.
    private var fileMark: UInt16 = 0

    /// About how many rows the file holds, from its size (0 when unknown): at least 64 bytes per
    /// row for enterprises.csv, whose shortest legal row is about that long. Used to size the
    /// import's enterprise index once instead of rehashing it as it grows (rehashing was ≈ 5 % of
    /// the reading thread's samples in an enterprises file, `perf` of a 10^5 import).
    public let estimatedRows: Int

    public convenience init(path: String, encoding: CSVEncoding = .utf8) throws(IngestError) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        try self.init(csv: CSVReader(path: path, encoding: encoding), byteCount: size ?? 0)
    }

    public convenience init(bytes: [UInt8], fileName: String, encoding: CSVEncoding = .utf8) throws(IngestError) {
        try self.init(csv: CSVReader(bytes: bytes, fileName: fileName, encoding: encoding))
    }

    private init(csv: CSVReader, byteCount: Int = 0) throws(IngestError) {
        self.csv = csv
        let names = csv.header!.names
        kind = try ImportFileKind.recognise(header: names, file: csv.fileName)
        columns = ColumnNames(names)
        estimatedRows = byteCount / 64
    }

    /// The next valid row, or nil at the end of the file. `context` is read for the cross-file
    /// rules and updated with what this row adds (an enterprise, an inspector, a list spell).
    public func next(context: inout ImportContext) throws(IngestError) -> (line: Int, row: ImportRow)? {
        guard try csv.advance() else { return nil }
        let fields = FieldReader(file: csv.fileName, csv: csv, line: csv.recordLine, columns: columns, extractDate: context.extractDate)
        do {
            return (fields.line, try parse(fields, context: &context))
        } catch let error as IngestError {
            throw error
        } catch let error as DomainError {
            throw fields.fail(error)
        } catch {
            throw IngestError(file: fields.file, line: fields.line, message: "\(error)")
        }
    }

    // MARK: - Per kind

    private func parse(_ f: FieldReader, context: inout ImportContext) throws -> ImportRow {
        do {
            switch kind {
            case .usccExceptions:
                // The listed code itself fails the check, so validate with itself excused.
                let raw = f.raw("enterprise_id").uppercased()
                var ignored: [IngestWarning] = []  // the mismatch is the point of the listing
                let code = try f.creditCode("enterprise_id", exceptions: [raw], warnings: &ignored)
                context.usccExceptions.insert(code.value)
                return .usccException(code)
            case .enterprises: return try enterprise(f, context: &context)
            case .inspectors: return try inspector(f, context: &context)
            case .conflicts: return try conflict(f, context: context)
            case .licences, .penalties, .samplingTests, .inspections, .complaints, .listEntries:
                return .event(try event(f, context: &context))
            }
        }
    }

    private func enterprise(_ f: FieldReader, context: inout ImportContext) throws -> ImportRow {
        var codeWarnings: [IngestWarning] = []
        let id = try f.creditCode("enterprise_id", exceptions: context.usccExceptions, warnings: &codeWarnings)
        codeWarnings.forEach { warningStore.append($0) }
        if fileMark == 0 { fileMark = context.enterpriseDomains.newFileMark() }
        guard context.enterpriseDomains.claim(id, file: fileMark) else {
            throw f.fail("enterprise_id", "unique within enterprises.csv (it appears on an earlier line)", id.value)
        }
        let rawName = f.raw("name")
        // NFC so that the same name typed with combining marks compares and hashes the same.
        let name = Self.isNFCWithoutNormalising(rawName) ? rawName : rawName.precomposedStringWithCanonicalMapping
        let district = try f.district("district")
        // Compared as bytes (a code is ASCII): the Character-based dropFirst/prefix walked
        // graphemes and built a String per row.
        if !id.value.utf8.dropFirst(2).prefix(6).elementsEqual(district.utf8) {
            warningStore.append(IngestWarning(file: f.file, line: f.line,
                                          message: "field 'district' '\(district)' differs from positions 3-8 of \(id) (a move is legal)"))
        }
        do {
            let enterprise = try Enterprise(
                id: id, name: name, domains: try f.tokenSet("domains"), district: district,
                registeredOn: try f.date("registered_on"), status: try f.token("status"),
                statusChangedOn: try f.optionalDate("status_changed_on"), bureauId: f.raw("bureau_id"))
            context.enterpriseDomains[id] = enterprise.domains
            return .enterprise(enterprise)
        }
    }

    private func inspector(_ f: FieldReader, context: inout ImportContext) throws -> ImportRow {
        let id = f.raw("inspector_id")
        if Inspector.isValidId(id), !seenIds.insert(id).inserted {
            throw f.fail("inspector_id", "unique within inspectors.csv (it appears on an earlier line)", id)
        }
        do {
            let inspector = try Inspector(
                id: id, name: f.raw("name"), bureauId: f.raw("bureau_id"), district: try f.district("district"),
                domains: try f.tokenSet("domains"), role: try f.token("role"), certNo: f.optionalText("cert_no"),
                certValidUntil: try f.optionalDate("cert_valid_until"), capacity: try f.nonNegativeInt("capacity"),
                active: try f.yesNo("active"))
            context.inspectorIds.insert(id)
            return .inspector(inspector)
        }
    }

    /// The enterprise's code and its domains as a mask (`EnterpriseIndex.bit`).
    private func knownEnterprise(_ f: FieldReader, context: ImportContext) throws -> (CreditCode, UInt8) {
        // Fast path for the common case, a code exactly as stored: it was validated (canonical,
        // upper case, check characters, with the exceptions in force, which an import never
        // removes) when its enterprise was imported, so validating it again can only give the
        // same code, and an event's code warnings are dropped anyway. `perf` of 100k penalties
        // (Benchmarks/README.md "Import") put ~8 % of user time in code validation and lookup.
        let bytes = f.bytes("enterprise_id")
        if let mask = context.enterpriseDomains.mask(bytes: bytes) {
            return (CreditCode(uncheckedUTF8: UnsafeRawBufferPointer(bytes)), mask)
        }
        // A code's warnings were given where the enterprise was imported; not again per event.
        var repeated: [IngestWarning] = []
        let id = try f.creditCode("enterprise_id", exceptions: context.usccExceptions, warnings: &repeated)
        guard let mask = context.enterpriseDomains.mask(id) else {
            throw f.fail("enterprise_id", "an enterprise in the store or in enterprises.csv of the same import", id.value)
        }
        return (id, mask)
    }

    private func conflict(_ f: FieldReader, context: ImportContext) throws -> ImportRow {
        let inspectorId = f.raw("inspector_id")
        guard context.inspectorIds.contains(inspectorId) else {
            throw f.fail("inspector_id", "an inspector in the store or in inspectors.csv of the same import", inspectorId)
        }
        let (enterpriseId, _) = try knownEnterprise(f, context: context)
        do {
            return .conflict(try Conflict(inspectorId: inspectorId, enterpriseId: enterpriseId, reason: try f.token("reason"),
                                          declaredOn: try f.date("declared_on"), validUntil: try f.optionalDate("valid_until")))
        }
    }

    private func event(_ f: FieldReader, context: inout ImportContext) throws -> Event {
        let eventId = f.raw("event_id")
        let (enterpriseId, mask) = try knownEnterprise(f, context: context)
        let domain: SupervisionDomain = try f.token("domain")
        guard mask & EnterpriseIndex.bit(domain) != 0 else {
            let allowed = EnterpriseIndex.domains(mask: mask).sorted().map(\.rawValue).joined(separator: ", ")
            throw f.fail("domain", "one of the enterprise's domains (\(allowed))", domain.rawValue)
        }
        do {
            let header = try EventHeader(eventId: eventId, enterpriseId: enterpriseId, domain: domain, recordedOn: try f.optionalDate("recorded_on"))
            switch kind {
            case .licences:
                return .licence(try Licence(
                    header: header, licenceId: f.raw("licence_id"), licenceType: f.raw("licence_type"),
                    issuedOn: try f.date("issued_on"),
                    expiresOn: try f.date("expires_on"),
                    status: try f.token("status"), statusChangedOn: try f.optionalDate("status_changed_on")))
            case .penalties:
                return .penalty(try Penalty(
                    header: header, decidedOn: try f.date("decided_on"), decisionNo: f.raw("decision_no"),
                    procedure: try f.token("procedure"), kinds: try f.tokenSet("kinds"),
                    fineFen: try f.amountFen("fine_cny"), confiscatedFen: try f.amountFen("confiscated_cny"),
                    heavy: try f.yesNo("heavy"), publicityEndedOn: try f.optionalDate("publicity_ended_on")))
            case .samplingTests:
                return .samplingTest(try SamplingTest(
                    header: header, sampledOn: try f.date("sampled_on"), productCategory: f.raw("product_category"),
                    stage: try f.token("stage"), result: try f.token("result"), failClass: try f.optionalToken("fail_class"),
                    isFinal: try f.yesNo("final")))
            case .inspections:
                let ids = f.raw("inspector_ids")
                let list = f.split("inspector_ids")
                let inspection = try Inspection(
                    header: header, inspectedOn: try f.date("inspected_on"), origin: try f.token("origin"),
                    drawId: f.optionalText("draw_id"), findingsCount: try f.nonNegativeInt("findings_count"),
                    maxSeverity: try f.token("max_severity"), outcome: try f.token("outcome"), inspectorIds: list)
                for id in inspection.inspectorIds where !context.inspectorIds.contains(id) {
                    throw f.fail("inspector_ids", "a ;-joined set of inspectors in the store or in inspectors.csv of the same import (unknown: \(id))", ids)
                }
                return .inspection(inspection)
            case .complaints:
                return .complaint(try Complaint(
                    header: header, receivedOn: try f.date("received_on"), substantiated: try f.token("substantiated"),
                    category: f.raw("category")))
            case .listEntries:
                let entry = try ListEntry(
                    header: header, list: try f.token("list"), enteredOn: try f.date("entered_on"), reason: try f.token("reason"),
                    exitedOn: try f.optionalDate("exited_on"), exitReason: try f.optionalToken("exit_reason"))
                try checkSpell(entry, f, context: &context)
                return .listEntry(entry)
            default:
                fatalError("not an event file: \(kind)")
            }
        }
    }

    private func checkSpell(_ entry: ListEntry, _ f: FieldReader, context: inout ImportContext) throws {
        let key = ImportContext.ListSpellKey(enterpriseId: entry.header.enterpriseId, list: entry.list)
        var spells = context.listSpells[key] ?? []
        for spell in spells where spell.eventId != entry.header.eventId
            && ListEntry.spellsOverlap(spell.enteredOn, spell.exitedOn, entry.enteredOn, entry.exitedOn) {
            let other = "\(spell.enteredOn)–\(spell.exitedOn.map(\.description) ?? "open")"
            throw f.fail("entered_on", "outside every other spell of \(entry.header.enterpriseId) on the \(entry.list.rawValue) list (event \(spell.eventId): \(other))", entry.enteredOn.description)
        }
        if !spells.contains(where: { $0.eventId == entry.header.eventId }) {
            spells.append(.init(eventId: entry.header.eventId, enteredOn: entry.enteredOn, exitedOn: entry.exitedOn))
            context.listSpells[key] = spells
        }
        if entry.isEarlySeriousRepair {
            warningStore.append(IngestWarning(file: f.file, line: f.line,
                                          message: "serious-list exit by credit repair less than 1 year after entry (\(entry.enteredOn) → \(entry.exitedOn!))"))
        }
    }
}

extension ImportFileReader {
    /// True when `text` is NFC by a quick check that needs no normalisation: every scalar is
    /// below U+0300 (Latin-1 and Latin Extended letters, precomposed, combining class 0), a CJK
    /// unified ideograph (U+4E00–U+9FFF), CJK punctuation U+3000–U+3029 or a full-width form
    /// U+FF01–U+FF5E; none of these is changed by NFC or combines with a neighbour. Anything
    /// else (combining marks, Hangul, compatibility ideographs) takes Foundation's NFC. Names are
    /// one field per enterprise row, and Foundation's NFC was a visible per-row cost.
    static func isNFCWithoutNormalising(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x300 || (0x4E00...0x9FFF).contains(value) || (0x3000...0x3029).contains(value)
                || (0xFF01...0xFF5E).contains(value) { continue }
            return false
        }
        return true
    }
}

/// Keeps the first `ImportFileReader.warningLimit` warnings and counts the rest.
struct WarningStore {
    var kept: [IngestWarning] = []
    var suppressed = 0

    mutating func append(_ warning: IngestWarning) {
        if kept.count < ImportFileReader.warningLimit { kept.append(warning) } else { suppressed += 1 }
    }
}
