import Domain
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// One stored row's columns, read in place: text as bytes (no `Row`, no `String` per value):
/// a row copied out of SQLite into a batch by the scanning thread (`RowBatch.Row`). (The
/// current row of a stepped statement conformed as well until the enterprises were read
/// through batches too.)
///
/// Written by hand for the monthly run's scan of every stored event: `perf` of
/// `risktier score` at 10⁵ firms (release, 2026-11-25) put ~45 % of the CPU in GRDB row
/// decoding, `Event` construction and the digest's per-value strings (Benchmarks/README.md,
/// "Monthly run").
protocol StoredRow {
    var table: String { get }
    /// SQLITE_NULL, SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT or SQLITE_BLOB.
    func type(_ column: Int32) -> Int32
    /// The text or blob bytes of a column; empty for NULL and numbers.
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer
    func int(_ column: Int32) -> Int
    func double(_ column: Int32) -> Double
}

extension StoredRow {
    func isNull(_ column: Int32) -> Bool { type(column) == SQLITE_NULL }

    func string(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }

    /// The row's key for error messages, its column 0: an event's rowid (`rowid N`) or an
    /// enterprise's id (text).
    var key: String { type(0) == SQLITE_INTEGER ? "rowid \(int(0))" : string(0) }

    func corrupt(_ message: String) -> StoreError { .corrupt(table: table, key: key, message: message) }

    func date(_ column: Int32) throws(StoreError) -> CivilDate {
        let bytes = bytes(column)
        guard let date = bytes.withMemoryRebound(to: UInt8.self, { CivilDate(isoBytes: $0) }) else {
            throw corrupt("bad date '\(string(column))'")
        }
        return date
    }

    func optionalDate(_ column: Int32) throws(StoreError) -> CivilDate? {
        isNull(column) ? nil : try date(column)
    }

    func token<T: FileToken>(_ column: Int32, _ matcher: TokenMatcher<T>) throws(StoreError) -> T {
        guard let value = matcher.match(bytes(column)) else { throw corrupt("bad token '\(string(column))'") }
        return value
    }

    func optionalToken<T: FileToken>(_ column: Int32, _ matcher: TokenMatcher<T>) throws(StoreError) -> T? {
        isNull(column) ? nil : try token(column, matcher)
    }
}

/// Finds a `FileToken` case from its token's bytes (a handful of cases: length, then bytes).
struct TokenMatcher<T: FileToken> {
    private let tokens: [(bytes: [UInt8], value: T)]

    init() {
        tokens = T.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    func match(_ bytes: UnsafeRawBufferPointer) -> T? {
        for token in tokens where token.bytes.count == bytes.count {
            if token.bytes.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return token.value }
        }
        return nil
    }
}
