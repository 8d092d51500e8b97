import Foundation

/// Hands values from one thread to another in order, at most `depth` waiting: the sender blocks
/// while the receiver is behind, so memory stays bounded whatever the input's size. The import
/// hands validated rows to its writing thread through one (`ImportRowChannel`), the monthly run
/// its assignments to the store's thread (`AssignmentChannel`).
class BoundedChannel<Element>: @unchecked Sendable {
    // NOTE: @unchecked because every access to the mutable state holds `condition`.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var closed = false
    private var cancelled = false
    private let depth: Int

    init(depth: Int = 4) { self.depth = depth }

    /// Waits for room, then queues `element`; false (dropped) once the receiver has cancelled.
    @discardableResult
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= depth && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// No more values: `receive` returns nil once the queue is drained.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next value in order; nil once the channel is closed and drained, or cancelled.
    func receive() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed && !cancelled { condition.wait() }
        guard !items.isEmpty, !cancelled else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// The receiver stops (it failed or is done): queued values are dropped and later sends
    /// return false at once.
    func cancel() {
        condition.lock()
        cancelled = true
        items.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
