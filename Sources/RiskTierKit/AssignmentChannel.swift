import Domain
import Foundation

/// Chunks of assignments from the scoring thread to the thread writing them into the store, in
/// order, at most `depth` waiting (the scoring thread then blocks: the chunks are copies, and
/// memory stays bounded when the store is the slower side).
final class AssignmentChannel: @unchecked Sendable {
    // NOTE: @unchecked: every field is guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [[TierAssignment]] = []
    private var closed = false
    private var cancelled = false
    private let depth: Int
    /// How many assignments the scoring thread puts in a chunk (the last may have fewer).
    let chunkSize: Int

    /// Chunks of 8,192 firms by default: about 1 % of 10⁶, so the store's thread starts almost
    /// at once and the copies in flight stay small.
    init(depth: Int = 4, chunkSize: Int = 8_192) {
        self.depth = depth
        self.chunkSize = chunkSize
    }

    /// Queues a chunk (blocks while `depth` are waiting); dropped once the receiver cancelled.
    func send(_ chunk: [TierAssignment]) {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// No more chunks.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk in order, or nil once the channel is closed and empty.
    func receive() -> [TierAssignment]? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !closed && !cancelled { condition.wait() }
        guard !chunks.isEmpty, !cancelled else { return nil }
        let chunk = chunks.removeFirst()
        condition.broadcast()
        return chunk
    }

    /// The receiver stops (it failed or is done): later sends are dropped and never block.
    func cancel() {
        condition.lock()
        cancelled = true
        chunks.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
