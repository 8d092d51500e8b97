import Foundation

/// Where the repository and the built `risktier` binary are, and scratch folders, for every test
/// target that runs the command line (one copy instead of one per target).
public enum TestRepository {
    /// The repository root, from this file's place (Tests/TestSupport/TestRepository.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `root` + a relative path.
    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func path(_ relative: String) -> String { url(relative).path }

    /// A JSON reference file (an object) as a dictionary.
    public static func json(_ relative: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try Data(contentsOf: url(relative))) as! [String: Any]
    }

    /// The built `risktier` executable: beside the test bundle or the test runner (SwiftPM puts
    /// products and the bundle in one folder), else `.build/debug/risktier`.
    public static let risktier: URL = {
        var candidates: [URL] = []
        let argument0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(argument0.deletingLastPathComponent().appendingPathComponent("risktier"))
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent("risktier"))
            folder = folder.deletingLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/risktier"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    /// A fresh folder under the system temporary directory, named with `tag`.
    public static func temporaryDirectory(_ tag: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("risktier-\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
