import Foundation
import Testing

/// Runs the built `risktier` binary and holds its result.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum DrawCLISupport {
    /// The repository root, from this file's path (Tests/DrawCLITests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `risktier` executable next to the test bundle (SwiftPM puts products together),
    /// else `.build/debug/risktier` under the repository root.
    static let binary: URL = {
        var candidates: [URL] = []
        let bundle = Bundle.main.bundleURL
        candidates.append(bundle.appendingPathComponent("risktier"))
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("risktier"))
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("risktier"))
        }
        candidates.append(root.appendingPathComponent(".build/debug/risktier"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static func run(_ arguments: [String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-draw-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    static func caseDirectory(_ name: String) -> URL {
        root.appendingPathComponent("Datasets/lottery/cases/\(name)")
    }

    static let caseNames = ["city-small", "capacity-short", "edges", "foreign-ids"]

    /// A valid unified social credit code from a number (charset digits + GB 32100 check).
    static func creditCode(_ number: Int) -> String {
        let charset = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        var body = Array("91330102")
        var value = number
        for _ in 0..<9 { body.append(charset[value % 31]); value /= 31 }
        let sum = zip(body, weights).map { charset.firstIndex(of: $0.0)! * $0.1 }.reduce(0, +)
        return String(body) + String(charset[(31 - sum % 31) % 31])
    }
}
