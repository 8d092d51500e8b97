import Foundation

/// The repository root, found from this file's path (Tests/ReportTests/…), and helpers to run
/// the built `risktier` and other programs.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// `risktier` beside the test bundle, else `.build/debug/risktier`.
    static var executable: URL {
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("risktier"))
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("risktier"))
        }
        candidates.append(root.appendingPathComponent(".build/debug/risktier"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    /// Runs a program with stdout and stderr sent to files (a chatty child cannot block on a
    /// full pipe), killing it after `timeout` seconds; returns exit status, stdout and stderr.
    static func run(_ executable: URL, _ arguments: [String], timeout: Double = 300) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = try temporaryDirectory("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8),
                String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func temporaryDirectory(_ tag: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-report-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// |actual − expected| ≤ relative·|expected| + absolute.
func close(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 0) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= relative * abs(e) + absolute
    default: return false
    }
}
