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

    /// The row's key for error messages (its first column).
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

    /// Appends the row as one line of the input digest: values `|`-separated, NULL as `NULL`,
    /// integers in decimal, a double as Swift prints it, text as `<UTF-8 length>:<text>`
    /// (length-prefixed, so no separator inside a text is ambiguous), a blob as `x<hex>`, then LF.
    func appendDigestLine(to buffer: inout [UInt8], columns: Int32) {
        for column in 0..<columns {
            if column > 0 { buffer.append(UInt8(ascii: "|")) }
            switch type(column) {
            case SQLITE_NULL:
                buffer.append(contentsOf: "NULL".utf8)
            case SQLITE_INTEGER:
                appendDecimal(int(column), to: &buffer)
            case SQLITE_FLOAT:
                buffer.append(contentsOf: "\(double(column))".utf8)
            case SQLITE_BLOB:
                buffer.append(UInt8(ascii: "x"))
                let hex = Array("0123456789abcdef".utf8)
                for byte in bytes(column) {
                    buffer.append(hex[Int(byte >> 4)])
                    buffer.append(hex[Int(byte & 15)])
                }
            default:
                let text = bytes(column)
                appendDecimal(text.count, to: &buffer)
                buffer.append(UInt8(ascii: ":"))
                buffer.append(contentsOf: text)
            }
        }
        buffer.append(0x0A)
    }

    func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
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
