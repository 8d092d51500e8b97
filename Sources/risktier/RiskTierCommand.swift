import ArgumentParser
import RiskTierKit

/// `risktier`: parses arguments and calls RiskTierKit; no computation here (DESIGN.md).
@main
struct RiskTierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risktier",
        abstract: "Credit-risk supervision tiers and the dual-random inspection lottery.",
        version: RiskTierVersion.current,
        subcommands: [
            InitCommand.self,
            ImportCommand.self,
            FitCommand.self,
            ScoreCommand.self,
            ReportCommand.self,
            DrawCommand.self,
        ]
    )
}
