import Domain
import Ingest
import Store

/// Text encodings `risktier import --encoding` accepts.
public typealias ImportEncoding = CSVEncoding
/// Dates given on the command line.
public typealias ImportDate = CivilDate

/// `risktier import`: reads the export files of DOMAIN.md §4 into the store in ONE transaction.
/// A single bad row anywhere rolls everything back and the store holds exactly what it held
/// before; importing the same files again changes nothing.
public enum ImportRun {
    /// What one file contributed.
    public struct FileSummary: Sendable, Equatable {
        public let file: String
        public let kind: String
        public let rows: Int
        public let inserted: Int
        public let updated: Int
        public let unchanged: Int
    }

    public struct Summary: Sendable {
        /// In the order the files were applied (exceptions, enterprises, inspectors, events, conflicts).
        public let files: [FileSummary]
        public let warnings: [IngestWarning]

        /// One line per file, for stdout.
        public var report: String {
            files.map { "\($0.file) (\($0.kind)): \($0.rows) rows, \($0.inserted) new, \($0.updated) updated, \($0.unchanged) unchanged" }
                .joined(separator: "\n")
        }
    }

    /// Imports `paths` into the store at `storePath`, which must exist (`risktier init`).
    ///
    /// - Parameters:
    ///   - extractDate: the export's extract date; any date after it is an error. Nil (the
    ///     default of the command) skips that one check: the pipeline never reads the clock,
    ///     so there is no "today" to default to. `expires_on` of a licence is never held to it.
    ///   - progress: called with (file, rows so far) every 100,000 rows.
    /// - Throws: `IngestError` naming file, line, field and value, or `StoreError`.
    public static func run(storePath: String, paths: [String], encoding: ImportEncoding = .utf8,
                           extractDate: ImportDate? = nil, progress: ((String, Int) -> Void)? = nil) throws -> Summary {
        let store = try Store.open(path: storePath)
        // Open every file first: an unreadable file or an unknown header fails before any write.
        var readers: [ImportFileReader] = []
        for path in paths { readers.append(try ImportFileReader(path: path, encoding: encoding)) }
        let ordered = readers.enumerated().sorted { a, b in
            (a.element.kind.applyOrder, a.offset) < (b.element.kind.applyOrder, b.offset)
        }.map(\.element)

        var known = EnterpriseIndex()
        known.reserveCapacity(ordered.filter { $0.kind == .enterprises }.map(\.estimatedRows).reduce(0, +))
        try store.forEachEnterpriseDomains { code, domains in known[code] = domains }
        var context = ImportContext(extractDate: extractDate, enterpriseDomains: known,
                                    inspectorIds: try store.inspectorIds(), usccExceptions: try store.usccExceptions())
        known = EnterpriseIndex()  // the context holds the only copy now
        for spell in try store.listSpells() {
            let key = ImportContext.ListSpellKey(enterpriseId: spell.enterpriseId, list: spell.list)
            context.listSpells[key, default: []].append(.init(eventId: spell.eventId, enteredOn: spell.enteredOn, exitedOn: spell.exitedOn))
        }

        // Reading and validating runs on its own thread, writing on this one (inside the
        // transaction); rows arrive in file order, so errors come in the order a single thread
        // would meet them: a row's write error before a later row's validation error.
        let channel = ImportRowChannel()
        let readerThread = ImportReaderThread(readers: ordered, context: consume context, channel: channel)
        readerThread.start()
        var counts = Array(repeating: (rows: 0, inserted: 0, updated: 0, unchanged: 0), count: ordered.count)
        do {
            try store.importWrite { writer in
                while let item = channel.receive() {
                    switch item {
                    case let .failure(error): throw error
                    case let .batch(batch):
                        let reader = ordered[batch.fileIndex]
                        for index in 0..<batch.rows.count {
                            let outcome: StoreWriter.Outcome
                            do {
                                outcome = try writer.save(batch.rows, at: index)
                            } catch let StoreError.conflictingEvent(table, eventId, differences) {
                                throw IngestError(file: reader.fileName, line: batch.rows.line(at: index), field: "event_id",
                                                  message: "field 'event_id' must not repeat a stored event with different content; got '\(eventId)', already in \(table) with \(differences)")
                            }
                            counts[batch.fileIndex].rows += 1
                            switch outcome {
                            case .inserted: counts[batch.fileIndex].inserted += 1
                            case .updated: counts[batch.fileIndex].updated += 1
                            case .unchanged: counts[batch.fileIndex].unchanged += 1
                            }
                            if counts[batch.fileIndex].rows % 100_000 == 0 { progress?(reader.fileName, counts[batch.fileIndex].rows) }
                        }
                    }
                }
            }
        } catch {
            channel.cancel()
            readerThread.join()
            throw error
        }
        readerThread.join()
        let files = ordered.enumerated().map { index, reader in
            FileSummary(file: reader.fileName, kind: reader.kind.rawValue, rows: counts[index].rows,
                        inserted: counts[index].inserted, updated: counts[index].updated, unchanged: counts[index].unchanged)
        }
        var warnings: [IngestWarning] = []
        for reader in ordered {
            warnings += reader.warnings
            if reader.suppressedWarningCount > 0 {
                warnings.append(IngestWarning(file: reader.fileName, line: 0,
                                              message: "\(reader.suppressedWarningCount) more warnings not shown (the first \(ImportFileReader.warningLimit) are)"))
            }
        }
        return Summary(files: files, warnings: warnings)
    }
}
