import Dispatch

/// A monthly run's recording in the store, on a thread of its own, committing only once the
/// caller says the run's files are written (`MonthlyRun.finishRun`).
final class RunRecording: @unchecked Sendable {
    // NOTE: @unchecked: `error` is written by the recording thread before it leaves `group` and
    // read after `group.wait()`; `filesWritten` is written before `filesDone` is signalled and
    // read by the recording thread after waiting on it.
    private var error: MonthlyRunError?
    private var filesWritten = false
    private let filesDone = DispatchSemaphore(value: 0)
    private let group = DispatchGroup()

    /// Starts `record` at once; it gets the `beforeCommit` to pass to the store.
    init(_ record: @escaping @Sendable (_ beforeCommit: () -> Bool) throws(MonthlyRunError) -> Void) {
        DispatchQueue.global().async(group: group) { [self] in
            do throws(MonthlyRunError) {
                try record {
                    self.filesDone.wait()
                    return self.filesWritten
                }
            } catch {
                self.error = error
            }
        }
    }

    /// Says whether the files were written (the store commits only if so), waits for the
    /// recording to end and returns its error, if any. Called once.
    func finish(filesWritten: Bool) -> MonthlyRunError? {
        self.filesWritten = filesWritten
        filesDone.signal()
        group.wait()
        return error
    }
}
