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

    /// The row's key for error messages, its column 0: an enterprise's id. (The scan names a
    /// corrupt event row by its rowid, which it looks up afterwards: `scanFeatureInputs`.)
    var key: String { string(0) }

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

/// Finds a `FileToken` case from its token's bytes. Each token is held as three integers (its
/// bytes, zero-padded, and its length), so a match is a few integer compares per case: the
/// tokens are a handful, none longer than 24 bytes. (Comparing byte arrays was ≈ 130
/// instructions per stored domain, callgrind, 10⁵ firms; a longer token would take the bytes.)
struct TokenMatcher<T: FileToken> {
    private let tokens: [(key: Key, value: T)]
    private let long: [(bytes: [UInt8], value: T)]

    private struct Key: Equatable {
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0

        init?(_ bytes: UnsafeRawBufferPointer) {
            guard bytes.count <= 24 else { return nil }
            withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: bytes) }
            count = bytes.count
        }

        static func == (a: Key, b: Key) -> Bool {
            a.count == b.count && a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2
        }
    }

    init() {
        var tokens: [(key: Key, value: T)] = [], long: [(bytes: [UInt8], value: T)] = []
        for value in T.allCases {
            let bytes = Array(value.rawValue.utf8)
            if let key = bytes.withUnsafeBytes(Key.init) { tokens.append((key, value)) } else { long.append((bytes, value)) }
        }
        self.tokens = tokens
        self.long = long
    }

    func match(_ bytes: UnsafeRawBufferPointer) -> T? {
        if let key = Key(bytes) {
            for token in tokens where token.key == key { return token.value }
            return nil
        }
        for token in long where token.bytes.count == bytes.count {
            if token.bytes.withUnsafeBytes({ $0.elementsEqual(bytes) }) { return token.value }
        }
        return nil
    }
}
