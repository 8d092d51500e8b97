import Foundation
import TestSupport
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
    static let executable: URL = TestRepository.risktier

typealias Result = TestProcessResult

    static func run(_ arguments: [String]) throws -> Result { try TestProcess.run(arguments) }

    /// A fresh directory under the system temp dir.
    static func temporaryDirectory() throws -> URL { try TestRepository.temporaryDirectory("test") }

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
