import Foundation

/// Paths in the repository, found from this file's location (Tests/ModelFileTests/…).
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func json(_ relative: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(relative)))) as! [String: Any]
    }

    /// The built `risktier` executable (same products folder as the test bundle).
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("risktier")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return root.appendingPathComponent(".build/debug/risktier")
    }
}

/// Runs the built `risktier` binary; exit code and output.
struct CommandResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum CLI {
    static func run(_ arguments: [String], in directory: URL) throws -> CommandResult {
        let process = Process()
        process.executableURL = Repository.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                             stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-model-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// |actual − expected| ≤ relative·|expected| + absolute.
func close(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 0) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= relative * abs(e) + absolute
    default: return false
    }
}

/// Every file under `folder` with its bytes (to show that a failed command changed nothing).
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
        if let data = FileManager.default.contents(atPath: url.path) { result[url.path] = data }
        else { result[url.path] = Data() }
    }
    return result
}
