import Foundation
import TestSupport

/// Runs the built `risktier` binary and captures its exit code and output.
typealias CommandResult = TestProcessResult

enum CommandRunner {
    static func run(_ arguments: [String], in directory: URL) throws -> CommandResult {
        try TestProcess.run(arguments, in: directory)
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory() throws -> URL { try TestRepository.temporaryDirectory("fit-tests") }
}
