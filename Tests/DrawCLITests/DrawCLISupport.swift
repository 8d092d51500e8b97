import Foundation
import TestSupport
import Testing

/// Runs the built `risktier` binary and holds its result.
typealias CLIResult = TestProcessResult

enum DrawCLISupport {
    /// The repository root, from this file's path (Tests/DrawCLITests/…).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `risktier` executable next to the test bundle (SwiftPM puts products together),
    /// else `.build/debug/risktier` under the repository root.
    static let binary: URL = TestRepository.risktier

    static func run(_ arguments: [String]) throws -> CLIResult { try TestProcess.run(arguments) }

    /// A fresh temporary directory for one test.
    static func temporaryDirectory(_ name: String) throws -> URL { try TestRepository.temporaryDirectory("draw-\(name)") }

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
