/// One buffer, allocated once per import, that `RawInsert` copies a row's text values into so
/// that it can bind them with SQLITE_STATIC: SQLITE_TRANSIENT makes SQLite malloc and free a
/// copy of every text value, and malloc/free/mutex were ≈ 15 % of the writing thread's samples
/// (`perf record` of a 10^5-city import, 2026-11-25, Benchmarks/README.md "Import"; imports now
/// bind from `RenderedRows`, the monthly run's store write still binds through this arena).
///
/// The bound pointers must stay valid until the statement's parameters are bound again: each
/// row's `RawInsert` starts writing at offset 0 only after the previous row's statement has been
/// stepped and reset, and every statement binds all its parameters before each step (GRDB's
/// `execute(arguments:)` too), so no statement ever reads a stale value. The buffer outlives
/// the statements' use (it belongs to the write that owns them).
final class BindArena {
    /// Far above one row's text (names are ≤ 200 characters, ids ≤ 64); a row that does not fit
    /// binds the rest with SQLITE_TRANSIENT as before.
    static let capacity = 1 << 16

    let base: UnsafeMutableRawPointer

    init() { base = UnsafeMutableRawPointer.allocate(byteCount: BindArena.capacity, alignment: 16) }

    deinit { base.deallocate() }
}
