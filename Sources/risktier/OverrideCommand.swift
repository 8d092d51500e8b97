import ArgumentParser
import Domain
import Foundation
import RiskTierKit

/// `risktier override add`: an analyst's manual tier (O_MANUAL) with reason, approver and
/// validity, stored in the store's `manual_overrides` table (append-only audit trail).
struct OverrideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: "Manual tier overrides (O_MANUAL), stored with reason, approver and validity.",
        subcommands: [OverrideAddCommand.self])
}

struct OverrideAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a manual override; the next `risktier score` applies it on as-of dates from --from to --until.",
        discussion: "Overrides are never edited or deleted: to end one early, add another. Prints the override id.")

    @Option(help: "Path of the SQLite store.")
    var store: String = "risktier.sqlite"

    @Option(help: "Unified social credit code of the enterprise.")
    var enterprise: String

    @Option(help: "The tier to apply (A, B, C or D); the only override that may lower a tier.")
    var tier: String

    @Option(help: "Why (kept for the audit trail).")
    var reason: String

    @Option(help: "Who approved it.")
    var approver: String

    @Option(help: "First as-of date it applies to (YYYY-MM-DD).")
    var from: String

    @Option(help: "Last as-of date it applies to (YYYY-MM-DD).")
    var until: String

    func validate() throws {
        guard Tier(rawValue: tier) != nil else { throw ValidationError("`--tier` must be A, B, C or D; got \(tier)") }
        guard CivilDate(iso: from) != nil else { throw ValidationError("`--from` must be a date YYYY-MM-DD; got \(from)") }
        guard CivilDate(iso: until) != nil else { throw ValidationError("`--until` must be a date YYYY-MM-DD; got \(until)") }
    }

    func run() throws {
        do {
            let id = try MonthlyRun.addOverride(storePath: store, enterprise: enterprise, tier: Tier(rawValue: tier)!, reason: reason,
                                                approver: approver, from: CivilDate(iso: from)!, until: CivilDate(iso: until)!)
            print(id)
        } catch {
            FileHandle.standardError.write(Data("risktier override add: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
