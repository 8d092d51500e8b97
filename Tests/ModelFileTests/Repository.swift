import Foundation
import TestSupport

/// Paths in the repository, found from this file's location (Tests/ModelFileTests/…).
enum Repository {
    static let root: URL = TestRepository.root

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func json(_ relative: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path(relative)))) as! [String: Any]
    }

    /// The built `risktier` executable (same products folder as the test bundle).
    static var executable: URL { TestRepository.risktier }
}

/// Runs the built `risktier` binary; exit code and output.
typealias CommandResult = TestProcessResult

enum CLI {
    static func run(_ arguments: [String], in directory: URL) throws -> CommandResult {
        try TestProcess.run(arguments, in: directory)
    }
}

/// A fresh temporary directory for one test.
func temporaryDirectory() throws -> URL { try TestRepository.temporaryDirectory("model-tests") }

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
