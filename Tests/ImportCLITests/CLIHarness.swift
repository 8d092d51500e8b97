import Foundation
import Store

/// Runs the built `risktier` and gives temporary stores. Shared by the CLI tests.
enum CLIHarness {
    static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url = url.deletingLastPathComponent()
        }
        return url
    }()

    static let badInput = repoRoot.appendingPathComponent("Datasets/bad-input")

    /// The `risktier` executable next to the test bundle's products.
    static let executable: URL = {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("risktier"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("risktier"))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("risktier"))
        candidates.append(repoRoot.appendingPathComponent(".build/debug/risktier"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so that a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh directory under the system temp dir.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func baseFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: badInput.appendingPathComponent("base").path)
            .filter { $0.hasSuffix(".csv") }.sorted()
            .map { badInput.appendingPathComponent("base").appendingPathComponent($0).path }
    }

    /// A store initialised and loaded with `Datasets/bad-input/base`.
    static func baseStore() throws -> String {
        let path = try temporaryDirectory().appendingPathComponent("store.sqlite").path
        let initResult = try run(["init", "--store", path])
        precondition(initResult.status == 0, initResult.stderr)
        let load = try run(["import", "--store", path, "--extract-date", "2024-06-30"] + baseFiles())
        precondition(load.status == 0, load.stderr)
        return path
    }

    static func dump(_ path: String) throws -> String {
        try Store.open(path: path).dump()
    }
}
