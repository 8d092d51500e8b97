import Foundation
import TestSupport

/// The repository root, found from this file's path (Tests/FitCLITests/…), and the built
/// `risktier` executable.
enum RepositoryRoot {
    static let url = TestRepository.root

    /// `risktier` beside the test bundle (SwiftPM puts products of one build in one
    /// directory), else `.build/debug/risktier`.
    static var executable: URL { TestRepository.risktier }
}
