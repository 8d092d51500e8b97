import Foundation
import Synthesis
import Testing

/// End to end: the built `risktier` binary.
@Suite struct SynthCommandTests {
    /// `.build/<config>/risktier` next to the test bundle's products.
    static func binary() throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("risktier")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        let fallback = SynthTestSupport.repositoryRoot.appendingPathComponent(".build/debug/risktier")
        try #require(FileManager.default.isExecutableFile(atPath: fallback.path), "build risktier first")
        return fallback
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func writesAllFilesAndPrintsTheSummary() throws {
        let directory = SynthTestSupport.temporaryDirectory("cli") + "/city"
        let result = try Self.run(["synth", "--enterprises", "300", "--seed", "3", "--out", directory])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| enterprises | 300 |"))
        #expect(result.stdout.contains("| reference as-of date t | 2024-12-31 |"))
        for file in CityFile.allCases { #expect(FileManager.default.fileExists(atPath: "\(directory)/\(file.fileName)")) }
    }

    @Test func usageErrorsExitWith2() throws {
        let directory = SynthTestSupport.temporaryDirectory("cli-bad")
        let zero = try Self.run(["synth", "--enterprises", "0", "--seed", "3", "--out", directory])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("`enterprises` must be between 1 and 50000000; got 0"))
        let date = try Self.run(["synth", "--enterprises", "10", "--seed", "3", "--out", directory, "--start", "2021/1/1"])
        #expect(date.status == 2)
        #expect(date.stderr.contains("`--start` must be a date YYYY-MM-DD; got 2021/1/1"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func anUnwritableOutputFailsWith1AndWritesNothing() throws {
        let file = SynthTestSupport.temporaryDirectory("cli-file") + "/plain"
        FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let result = try Self.run(["synth", "--enterprises", "10", "--seed", "3", "--out", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("exists and is not a directory"))
    }
}
