import Domain

/// Chunks of assignments from the scoring thread to the thread writing them into the store, in
/// order, at most `depth` waiting (the scoring thread then blocks, so the store's thread is never
/// far behind). A chunk is the run's own array, shared: the scoring keeps it and only reads it.
final class AssignmentChannel: BoundedChannel<[TierAssignment]>, @unchecked Sendable {
    // NOTE: @unchecked: the state is the base class's, guarded by its lock.
    /// How many assignments the scoring thread puts in a chunk (the last may have fewer).
    let chunkSize: Int

    /// Chunks of 8,192 firms by default: about 1 % of 10⁶, so the store's thread starts almost
    /// at once.
    init(depth: Int = 4, chunkSize: Int = 8_192) {
        self.chunkSize = chunkSize
        super.init(depth: depth)
    }
}

/// Where the scoring hands its assignments as they are made: `chunkSize` firms at a time (the
/// last chunk may have fewer), in enterprise id order.
struct AssignmentStream {
    let chunkSize: Int
    let send: ([TierAssignment]) -> Void
}
