import Domain
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Binds one row's values straight into a cached GRDB statement with `sqlite3_bind_*` and steps
/// it, instead of building a `[DatabaseValue]` and a `StatementArguments` per row: the monthly
/// run's store write (Store+Runs). An import renders its rows ahead on another thread instead
/// (`RenderedRows`).
///
/// Written by hand because `perf` of `risktier import` (100k penalties, release build,
/// 2026-11-25, Benchmarks/README.md "Import") put ~16 % of user time in `StatementArguments`
/// boxing. Values are bound as text, int64, double or NULL, as GRDB would bind them.
struct RawInsert {
    let statement: OpaquePointer
    private var index: CInt = 0
    /// Where text values are copied for SQLITE_STATIC (`BindArena`), and how much is used.
    private let arena: UnsafeMutableRawPointer?
    private var used = 0

    init(_ statement: Statement, arena: BindArena? = nil) {
        self.statement = statement.sqliteStatement
        self.arena = arena?.base
        sqlite3_reset(self.statement)
    }

    /// Binds `count` bytes at `bytes` as text: copied into the arena and bound SQLITE_STATIC when
    /// it has room, else bound SQLITE_TRANSIENT (SQLite copies them).
    private mutating func bindText(_ bytes: UnsafeRawPointer, _ count: Int) {
        if let arena, used + count <= BindArena.capacity {
            let destination = arena + used
            destination.copyMemory(from: bytes, byteCount: count)
            used += count
            _ = sqlite3_bind_text(statement, index, destination.assumingMemoryBound(to: CChar.self), CInt(count), nil)
        } else {
            _ = sqlite3_bind_text(statement, index, bytes.assumingMemoryBound(to: CChar.self), CInt(count), RawInsert.transient)
        }
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the bind returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }

    mutating func text(_ value: String) {
        index += 1
        var value = value
        value.withUTF8 { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                bindText(UnsafeRawPointer(base), bytes.count)
            } else {
                // An empty string is text '' (a NULL pointer would bind NULL).
                _ = sqlite3_bind_text(statement, index, "", 0, RawInsert.transient)
            }
        }
    }

    /// Text given as UTF-8 bytes (copied into the arena, or by SQLite, before the call returns).
    mutating func text(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty else { return text("") }
        index += 1
        bytes.withUnsafeBufferPointer { buffer in bindText(UnsafeRawPointer(buffer.baseAddress!), buffer.count) }
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    /// A tier's letter, or NULL: bound SQLITE_STATIC from a static string (no string made, no copy
    /// into the arena; a run row has five tiers: binding their raw-value strings instead cost
    /// 38 M more instructions in a 10⁵ run, callgrind, ≈ 2 % of the store's thread).
    mutating func tier(_ tier: Tier?) {
        guard let tier else { return null() }
        index += 1
        let letters: StaticString = "ABCD"
        _ = sqlite3_bind_text(statement, index, UnsafeRawPointer(letters.utf8Start + tier.rank).assumingMemoryBound(to: CChar.self), 1, nil)
    }

    /// A credit code's text (its inline bytes: no string is made).
    mutating func text(_ code: CreditCode) {
        index += 1
        code.withUTF8 { bytes in
            if let base = bytes.baseAddress, bytes.count > 0 {
                bindText(base, bytes.count)
            } else {
                _ = sqlite3_bind_text(statement, index, "", 0, RawInsert.transient)
            }
        }
    }

    mutating func int(_ value: Int) {
        index += 1
        sqlite3_bind_int64(statement, index, Int64(value))
    }

    mutating func double(_ value: Double) {
        index += 1
        sqlite3_bind_double(statement, index, value)
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// `Bool.databaseValue` is the integer 1 or 0.
    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func null() {
        index += 1
        sqlite3_bind_null(statement, index)
    }

    /// Steps the statement once. Returns false on any result other than SQLITE_DONE so that the
    /// caller can rerun the row through GRDB and report exactly the error GRDB reports.
    func step() -> Bool {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        return code == SQLITE_DONE
    }
}
