import ArgumentParser
import RiskTierKit
import Foundation

/// `risktier import --store PATH [--encoding gb18030] [--extract-date DATE] FILE…`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import export files (DOMAIN.md §4; kind recognised from the header) in one transaction.",
        discussion: """
            All files are applied in one transaction: one bad row anywhere leaves the store as it \
            was. Re-importing identical files changes nothing. Enterprises and inspectors are \
            applied before the events and conflicts that refer to them, whatever the order given.
            Without --extract-date, dates are not checked against an extract date (the tool \
            never reads the clock); give the export's extract date to reject later dates.
            """)

    @Option(help: "Path of the SQLite store (create it with `risktier init`).")
    var store: String = "risktier.sqlite"

    @Option(help: "Text encoding of the files: utf-8 (with or without BOM) or gb18030 (GBK exports).")
    var encoding: ImportEncodingArgument = .init(value: .utf8)

    @Option(name: .customLong("extract-date"), help: "The export's extract date (YYYY-MM-DD); later dates are errors.")
    var extractDate: ImportDateArgument?

    @Argument(help: "Files to import.")
    var files: [String]

    func run() throws {
        let showProgress = isatty(2) == 1
        do {
            let summary = try ImportRun.run(
                storePath: store, paths: files, encoding: encoding.value, extractDate: extractDate?.value,
                progress: showProgress ? { file, rows in printError("\(file): \(rows) rows…") } : nil)
            for warning in summary.warnings { printError("\(warning)") }
            print(summary.report)
        } catch {
            printError("error: \(error)")
            throw ExitCode(1)
        }
    }
}

struct ImportEncodingArgument: ExpressibleByArgument {
    let value: ImportEncoding
    init(value: ImportEncoding) { self.value = value }
    init?(argument: String) {
        guard let value = ImportEncoding(rawValue: argument.lowercased()) else { return nil }
        self.value = value
    }
    static var allValueStrings: [String] { ImportEncoding.allCases.map(\.rawValue) }
    var defaultValueDescription: String { value.rawValue }
}

struct ImportDateArgument: ExpressibleByArgument {
    let value: ImportDate
    init?(argument: String) {
        guard let value = ImportDate(iso: argument) else { return nil }
        self.value = value
    }
}
