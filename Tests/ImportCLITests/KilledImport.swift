import Foundation

/// Runs `risktier import` and `kill -9`s it once the import has written uncommitted pages to disk
/// (the store's WAL has grown past `walThreshold`), i.e. well into the work.
enum KilledImport {
    struct Outcome {
        /// The import was still running when the kill was sent.
        var wasRunning: Bool
        /// It died of the signal (not of its own accord).
        var killed: Bool
        /// The WAL's size when the kill was sent.
        var walBytes: Int
    }

    /// 1 MiB: on a loaded 2-core machine the 4 MiB used before was sometimes not reached within a
    /// minute (seen at load average 17).
    static let walThreshold = 1 << 20

    /// Polls every 10 ms, at most 30,000 times (5 minutes at the nominal rate; a count, not a clock).
    static func run(store: String, files: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = CLIHarness.executable
        process.arguments = ["import", "--store", store] + files
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let wal = store + "-wal"
        var walBytes = 0
        for _ in 0..<30_000 where process.isRunning {
            walBytes = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            if walBytes > walThreshold { break }
            usleep(10_000)
        }
        let wasRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return Outcome(wasRunning: wasRunning, killed: process.terminationReason == .uncaughtSignal, walBytes: walBytes)
    }
}
