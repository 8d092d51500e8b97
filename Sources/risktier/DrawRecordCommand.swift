import ArgumentParser
import RiskTierKit

/// `risktier draw record --store`: keeps a verified record in the store for the next freeze.
struct DrawRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Verify a draw's record against its frozen directory and store it (next freezes recuse its teams and apply frequency caps).",
        discussion: "The draw is stored under the plan's task id; recording the same task again replaces it."
    )

    @Option(help: "Path of the SQLite store.")
    var store: String = "risktier.sqlite"

    @Option(help: "Frozen directory the record was drawn from.")
    var frozen: String

    @Option(help: "The draw's record.json.")
    var record: String

    func run() throws {
        let id = try runDrawStep { () throws(DrawError) in
            try DrawWorkflow.record(storePath: store, frozenDirectory: frozen, recordPath: record)
        }
        print("stored draw \(id) in \(store)")
    }
}
