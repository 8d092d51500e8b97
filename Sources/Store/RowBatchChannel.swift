import Foundation

/// Hands filled `RowBatch`es from the thread that steps SQLite to the thread that decodes them,
/// in order, at most `depth` in flight, and hands them back for refilling.
final class RowBatchChannel: @unchecked Sendable {
    // NOTE: @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private var filled: [RowBatch] = []
    private var empty: [RowBatch]
    private var closed = false
    private var cancelled = false
    /// Set by the producer when SQLite reports an error; read after the queue drains.
    private(set) var failure: String?

    init(depth: Int = 4) {
        empty = (0..<depth).map { _ in RowBatch() }
    }

    /// A batch to fill (blocks while all are in flight); nil once the consumer cancelled.
    func emptyBatch() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while empty.isEmpty && !cancelled { condition.wait() }
        return cancelled ? nil : empty.removeLast()
    }

    func send(_ batch: RowBatch) {
        condition.lock()
        filled.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// No more batches; `failure` says why when it is not the end of the data.
    func close(failure: String? = nil) {
        condition.lock()
        self.failure = failure
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch in order, or nil at the end.
    func receive() -> RowBatch? {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty && !closed { condition.wait() }
        return filled.isEmpty ? nil : filled.removeFirst()
    }

    func recycle(_ batch: RowBatch) {
        condition.lock()
        empty.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// The consumer stops early (an error): the producer's next `emptyBatch()` returns nil.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}
