import Domain
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Rows for the store rendered as the exact values SQLite is given (text, 64-bit integer or
/// NULL per column, in table column order), in one flat byte buffer.
///
/// Why: a bulk import validates on one thread and writes on another, and the writing thread is
/// the import's critical path. `perf` of a 10^5-city import (2026-11-25, Benchmarks/README.md
/// "Import") put 36 % of the writing thread's samples in Swift work around the SQLite calls:
/// copying each `ImportRow` out of its batch, retaining and releasing its strings, turning its
/// dates and tokens into text. Rendering on the reading thread leaves the writer with binding
/// pointers into this buffer (SQLITE_STATIC) and stepping.
///
/// Layout per value: a 4-byte little-endian header, `nullHeader`, `integerHeader` followed by
/// the 8-byte integer, or the text's byte count followed by its UTF-8 bytes.
public struct RenderedRows: Sendable {
    struct Row: Sendable {
        let table: StoreTable
        /// Offset of the row's first value in `bytes`.
        let start: Int
        /// The caller's line number (the file line the row came from), for its messages.
        let line: Int
    }

    private(set) var rows: [Row] = []
    private(set) var bytes: [UInt8] = []

    static let nullHeader: UInt32 = .max
    static let integerHeader: UInt32 = .max - 1

    public init(reservingRows rowCount: Int = 0) {
        rows.reserveCapacity(rowCount)
        bytes.reserveCapacity(rowCount * 160)
    }

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    public func line(at index: Int) -> Int { rows[index].line }
    public func table(at index: Int) -> StoreTable { rows[index].table }

    public mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Rendering (in column order, starting with `begin`)

    mutating func begin(_ table: StoreTable, line: Int) {
        rows.append(Row(table: table, start: bytes.count, line: line))
    }

    private mutating func header(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func null() { header(Self.nullHeader) }

    mutating func int(_ value: Int) {
        header(Self.integerHeader)
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    /// `Bool.databaseValue` is the integer 1 or 0.
    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { text(utf8: $0) }
    }

    mutating func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    mutating func text(utf8 value: UnsafeBufferPointer<UInt8>) {
        header(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    /// A text value written in pieces: its byte count first, then exactly that many bytes.
    mutating func beginText(count: Int) { header(UInt32(count)) }
    mutating func appendTextByte(_ byte: UInt8) { bytes.append(byte) }
    mutating func appendTextBytes(_ value: String) {
        var value = value
        value.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func token<T: FileToken>(_ value: T) { text(value.rawValue) }

    mutating func token<T: FileToken>(_ value: T?) {
        if let value { token(value) } else { null() }
    }

    /// `CivilDate.description` (YYYY-MM-DD), written digit by digit: the String it builds was a
    /// visible share of the per-row cost. Years outside 0...9999 take the general path.
    mutating func date(_ value: CivilDate?) {
        guard let value else { return null() }
        guard (0...9999).contains(value.year), (1...12).contains(value.month), (1...31).contains(value.day) else {
            return text(value.description)
        }
        header(10)
        func put(_ number: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            var number = number
            while divisor > 0 {
                bytes.append(UInt8(48 + number / divisor))
                number %= divisor
                divisor /= 10
            }
        }
        put(value.year, 4)
        bytes.append(0x2D)
        put(value.month, 2)
        bytes.append(0x2D)
        put(value.day, 2)
    }

    // MARK: - Reading back

    /// Binds the values of row `index` to the statement's parameters 1…n with SQLITE_STATIC text
    /// pointing into `base` (this buffer's bytes), which must stay valid until the statement has
    /// been stepped and its parameters bound again.
    func bind(_ index: Int, to statement: OpaquePointer, base: UnsafeRawPointer) {
        var offset = rows[index].start
        for parameter in 1...Int32(StoreTable.columnCounts[Int(rows[index].table.rawValue)]) {
            let header = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            offset += 4
            switch header {
            case Self.nullHeader:
                sqlite3_bind_null(statement, parameter)
            case Self.integerHeader:
                sqlite3_bind_int64(statement, parameter, Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
                offset += 8
            default:
                // A zero-length text needs a non-NULL pointer (NULL would bind NULL); `base` is one.
                sqlite3_bind_text(statement, parameter, (base + offset).assumingMemoryBound(to: CChar.self), Int32(header), nil)
                offset += Int(header)
            }
        }
    }

    /// Row `index` as GRDB values, for the rare paths that go through GRDB (a clash, an update,
    /// an error to report).
    func values(at index: Int) -> [DatabaseValue] {
        bytes.withUnsafeBytes { buffer in
            var offset = rows[index].start
            var result: [DatabaseValue] = []
            for _ in 0..<StoreTable.columnCounts[Int(rows[index].table.rawValue)] {
                let header = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                offset += 4
                switch header {
                case Self.nullHeader:
                    result.append(.null)
                case Self.integerHeader:
                    result.append(Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Int64.self)).databaseValue)
                    offset += 8
                default:
                    let text = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + Int(header))])
                    result.append(String(decoding: text, as: UTF8.self).databaseValue)
                    offset += Int(header)
                }
            }
            return result
        }
    }
}
