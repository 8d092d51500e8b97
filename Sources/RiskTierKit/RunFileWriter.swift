import Domain
import Foundation

/// A monthly run's output files, written under temporary names (`.NAME.partial`) as the firms
/// are assigned, and renamed into place only once the store has committed the run.
/// scores.csv and transitions.csv are streamed (hashed on the way), chunk by chunk; run.json,
/// which names their digests, is written last. The first error is kept and every later call
/// does nothing, so the run can ask once, at the end.
///
/// The streamed run (`MonthlyRun.scoreRecordAndWrite`) renders each chunk right after handing it
/// to the store's thread: the lines are written while the store writes the same firms, instead
/// of after the whole run is scored (at 10⁶ firms the files took ≈ 1.4 s of the main thread
/// alone after the store's write).
struct RunFileWriter {
    private let folder: URL
    private var scores: HashingFileWriter?
    private var transitions: HashingFileWriter?
    /// Every temporary file created so far with its final name.
    private var files: [(temporary: URL, final: URL)] = []
    private(set) var error: MonthlyRunError?

    /// Creates the folder and opens scores.csv and transitions.csv (their header lines written).
    init(directory: String) {
        folder = URL(fileURLWithPath: directory)
        do throws(MonthlyRunError) {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw MonthlyRunError.io(path: directory, message: "cannot create the output folder: \(error.localizedDescription)")
            }
            let scores = try HashingFileWriter(path: temporary("scores.csv").path)
            self.scores = scores
            try scores.write(Array((MonthlyRun.scoresHeader + "\n").utf8))
            let transitions = try HashingFileWriter(path: temporary("transitions.csv").path)
            self.transitions = transitions
            try transitions.write(Array((MonthlyRun.transitionsHeader + "\n").utf8))
        } catch {
            self.error = error
        }
    }

    /// `.NAME.partial`, remembered for `publish` and `discard`.
    private mutating func temporary(_ name: String) -> URL {
        let file = (folder.appendingPathComponent(".\(name).partial"), folder.appendingPathComponent(name))
        files.append(file)
        return file.0
    }

    /// The next firms' lines, in order.
    mutating func append(_ assignments: some Collection<TierAssignment>) {
        guard error == nil, let scores, let transitions else { return }
        do throws(MonthlyRunError) {
            // (Each line rendered straight into its writer's buffer.)
            for assignment in assignments {
                try scores.withLine { MonthlyRun.appendScoreLine(assignment, to: &$0) }
                if assignment.isTransition {
                    try transitions.withLine { MonthlyRun.appendTransitionLine(assignment, to: &$0) }
                }
            }
        } catch {
            self.error = error
        }
    }

    /// Closes the two streamed files and writes run.json (`result` holds every firm appended).
    /// Returns the first error of all the writing.
    mutating func finish(_ result: MonthlyScoreResult) -> MonthlyRunError? {
        guard error == nil, let scores, let transitions else { return error }
        self.scores = nil
        self.transitions = nil
        do throws(MonthlyRunError) {
            let scoresSHA256 = try scores.finish()
            let transitionsSHA256 = try transitions.finish()
            let run = temporary("run.json")
            do {
                try result.runJSON(scoresSHA256: scoresSHA256, transitionsSHA256: transitionsSHA256).write(to: run)
            } catch {
                throw MonthlyRunError.io(path: folder.appendingPathComponent("run.json").path, message: "cannot write: \(error.localizedDescription)")
            }
        } catch {
            self.error = error
        }
        return error
    }

    /// Closes and removes the temporary files (the run failed).
    mutating func discard() {
        scores = nil
        transitions = nil
        for file in files { try? FileManager.default.removeItem(at: file.temporary) }
    }

    /// Renames the files into place, run.json last.
    func publish() throws(MonthlyRunError) {
        for file in files where rename(file.temporary.path, file.final.path) != 0 {
            throw .io(path: file.final.path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
    }
}
