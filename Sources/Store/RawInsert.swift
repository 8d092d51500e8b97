import Domain
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Binds one row's values straight into a cached GRDB statement with `sqlite3_bind_*` and steps
/// it, instead of building a `[DatabaseValue]` and a `StatementArguments` per row.
///
/// Written by hand because `perf` of `risktier import` (100k penalties, release build,
/// 2026-11-25, Benchmarks/README.md "Import") put ~16 % of user time in `StatementArguments`
/// boxing; the `DatabaseValue` arrays and date strings feeding it are skipped too. The after
/// figure is not measured yet (see that section). Every value is bound exactly as its `DatabaseValue` in
/// `StoreColumns.values` would be (text, int64, NULL), so the stored rows are byte-identical.
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

    /// `CivilDate.description` (YYYY-MM-DD) written into a stack buffer: the String it builds was
    /// a visible share of the per-row cost. Years outside 0...9999 take the general path.
    mutating func date(_ value: CivilDate?) {
        guard let value else { return null() }
        guard (0...9999).contains(value.year), (1...12).contains(value.month), (1...31).contains(value.day) else {
            return text(value.description)
        }
        index += 1
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            func put(_ number: Int, _ width: Int, at offset: Int) {
                var number = number
                for position in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[position] = UInt8(48 + number % 10)
                    number /= 10
                }
            }
            put(value.year, 4, at: 0)
            buffer[4] = 0x2D
            put(value.month, 2, at: 5)
            buffer[7] = 0x2D
            put(value.day, 2, at: 8)
            bindText(UnsafeRawPointer(buffer.baseAddress!), 10)
        }
    }

    mutating func token<T: FileToken>(_ value: T) { text(value.rawValue) }

    mutating func token<T: FileToken>(_ value: T?) {
        if let value { text(value.rawValue) } else { null() }
    }

    /// Steps a `SELECT EXISTS (…)` once: its 0 or 1 as a Bool, nil on any error (the caller
    /// then takes the general path, which reports errors through GRDB).
    func stepExists() -> Bool? {
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
        return sqlite3_column_int64(statement, 0) != 0
    }

    /// Steps the statement once. Returns false on any result other than SQLITE_DONE so that the
    /// caller can rerun the row through GRDB and report exactly the error GRDB reports.
    func step() -> Bool {
        let code = sqlite3_step(statement)
        sqlite3_reset(statement)
        return code == SQLITE_DONE
    }
}
