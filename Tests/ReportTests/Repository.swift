import Foundation
import TestSupport

/// The repository root, found from this file's path (Tests/ReportTests/…), and helpers to run
/// the built `risktier` and other programs.
enum Repository {
    static let root = TestRepository.root

    static func path(_ relative: String) -> String { TestRepository.path(relative) }

    static func json(_ relative: String) throws -> [String: Any] { try TestRepository.json(relative) }

    /// `risktier` beside the test bundle, else `.build/debug/risktier`.
    static var executable: URL { TestRepository.risktier }

    /// Runs a program with stdout and stderr sent to files (a chatty child cannot block on a
    /// full pipe), killing it after `timeout` seconds; returns exit status, stdout and stderr.
    static func run(_ executable: URL, _ arguments: [String], timeout: Double = 300) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try TestProcess.run(executable, arguments, timeout: timeout)
        return (result.status, result.stdout, result.stderr)
    }

    static func temporaryDirectory(_ tag: String) throws -> URL { try TestRepository.temporaryDirectory("report-\(tag)") }
}

/// |actual − expected| ≤ relative·|expected| + absolute.
func close(_ actual: Double?, _ expected: Double?, relative: Double, absolute: Double = 0) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return abs(a - e) <= relative * abs(e) + absolute
    default: return false
    }
}
