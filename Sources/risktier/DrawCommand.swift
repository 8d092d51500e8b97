import ArgumentParser

/// `risktier draw`: the dual-random inspection lottery (双随机、一公开).
struct DrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Freeze a draw's inputs, run it with a published seed, and verify a published record.",
        discussion: "Algorithm risktier-draw/1 (DESIGN.md): Rivest's consistent sampling per tier, then inspector teams by ticket.",
        subcommands: [DrawFreezeCommand.self, DrawRunCommand.self, DrawVerifyCommand.self, DrawRecordCommand.self]
    )
}
