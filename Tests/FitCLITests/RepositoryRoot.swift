import Foundation

/// The repository root, found from this file's path (Tests/FitCLITests/…), and the built
/// `risktier` executable.
enum RepositoryRoot {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `risktier` beside the test bundle (SwiftPM puts products of one build in one
    /// directory), else `.build/debug/risktier`.
    static var executable: URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let bundle = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundle.appendingPathComponent("risktier"))
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("risktier"))
        }
        candidates.append(url.appendingPathComponent(".build/debug/risktier"))
        return candidates.first { fm.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }
}
