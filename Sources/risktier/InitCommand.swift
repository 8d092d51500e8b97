import ArgumentParser
import Foundation
import RiskTierKit

/// `risktier init --store PATH`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store or migrate it to the current schema (forward-only migrations).")

    @Option(help: "Path of the SQLite store.")
    var store: String = "risktier.sqlite"

    func run() throws {
        do {
            print(try InitStore.run(storePath: store))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
