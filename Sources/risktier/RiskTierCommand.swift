import ArgumentParser
import RiskTierKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `risktier`: parses arguments and calls RiskTierKit; no computation here (DESIGN.md).
@main
struct RiskTierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risktier",
        abstract: "Credit-risk supervision tiers and the dual-random inspection lottery.",
        version: RiskTierVersion.current,
        subcommands: [
            SynthCommand.self,
            InitCommand.self,
            ImportCommand.self,
            FitCommand.self,
            ScoreCommand.self,
            ReportCommand.self,
            OverrideCommand.self,
            DemoCommand.self,
            DrawCommand.self,
        ]
    )

    /// DESIGN.md's exit codes: 0 success, 1 runtime failure, 2 usage error, 3 verification
    /// mismatch. ArgumentParser reports usage errors as EX_USAGE (64); map them to 2 and leave
    /// every other outcome (help, `ExitCode(n)` thrown by a command) as ArgumentParser has it.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                #if canImport(Glibc)
                Glibc.exit(2)
                #else
                Darwin.exit(2)
                #endif
            }
            exit(withError: error)
        }
    }
}
