import Foundation
import TestSupport
import Synthesis
import Testing

/// End to end: the built `risktier` binary.
@Suite struct SynthCommandTests {
    /// `.build/<config>/risktier` next to the test bundle's products.
    static func binary() throws -> URL { TestRepository.risktier }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try TestProcess.run(arguments)
        return (result.status, result.stdout, result.stderr)
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
