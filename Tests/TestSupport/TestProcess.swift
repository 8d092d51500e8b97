import Foundation

/// Exit status and output of a program run by `TestProcess.run`.
public struct TestProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs the built `risktier` or another program for a test.
public enum TestProcess {
    /// Runs the built `risktier` (see `run(_:_:in:timeout:)`).
    public static func run(_ arguments: [String], in directory: URL? = nil, timeout: Double = 600) throws -> TestProcessResult {
        try run(TestRepository.risktier, arguments, in: directory, timeout: timeout)
    }

    /// Runs `executable` with `arguments` (in `directory` when given), stdin from /dev/null and
    /// stdout/stderr into files, so a chatty child can never block on a full pipe; after
    /// `timeout` seconds the child is terminated (its output so far is returned).
    public static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                           timeout: Double = 600) throws -> TestProcessResult {
        let folder = try TestRepository.temporaryDirectory("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Polls every 20 ms up to `timeout` (a count of polls, no clock read: nothing here times
        // the child, it only stops a hung one).
        var polls = Int(timeout / 0.02)
        while process.isRunning, polls > 0 { usleep(20_000); polls -= 1 }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return TestProcessResult(status: process.terminationStatus,
                                 stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                                 stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}
