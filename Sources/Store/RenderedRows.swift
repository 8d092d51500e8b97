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
        let table: ImportFileFormat
        /// Offset of the row's first value in the bytes.
        let start: Int
        /// The caller's line number (the file line the row came from), for its messages.
        let line: Int
    }

    private(set) var rows: [Row] = []
    /// The values' bytes. Not `[UInt8]`: appending a value as two `append(contentsOf:)` calls
    /// (header, bytes) was ≈ 5 % of the reading thread's samples in `perf` of an import; here a
    /// row checks room once per value and stores in place.
    private var storage: ByteStorage

    static let nullHeader: UInt32 = .max
    static let integerHeader: UInt32 = .max - 1

    public init(reservingRows rowCount: Int = 0) {
        rows.reserveCapacity(rowCount)
        storage = ByteStorage(capacity: max(rowCount * 160, 256))
    }

    public var count: Int { rows.count }
    public var isEmpty: Bool { rows.isEmpty }

    public func line(at index: Int) -> Int { rows[index].line }
    public func table(at index: Int) -> ImportFileFormat { rows[index].table }

    // MARK: - Rendering (in column order, starting with `begin`)

    mutating func begin(_ table: ImportFileFormat, line: Int) {
        // Copy on write, checked once per row: every value of the row is appended through this
        // value after `begin`.
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        rows.append(Row(table: table, start: storage.count, line: line))
    }

    @inline(__always)
    private func header(_ value: UInt32, reserving extra: Int = 0) {
        storage.reserve(4 + extra)
        storage.base.storeBytes(of: value.littleEndian, toByteOffset: storage.count, as: UInt32.self)
        storage.count += 4
    }

    mutating func null() { header(Self.nullHeader) }

    mutating func int(_ value: Int) {
        header(Self.integerHeader, reserving: 8)
        storage.base.storeBytes(of: Int64(value).littleEndian, toByteOffset: storage.count, as: Int64.self)
        storage.count += 8
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

    /// A credit code's text (its inline bytes: no string is made).
    mutating func text(_ code: CreditCode) {
        code.withUTF8 { text(utf8: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    mutating func text(utf8 value: UnsafeBufferPointer<UInt8>) {
        header(UInt32(value.count), reserving: value.count)
        if let source = value.baseAddress {
            (storage.base + storage.count).copyMemory(from: source, byteCount: value.count)
        }
        storage.count += value.count
    }

    /// A text value written in pieces: its byte count first, then exactly that many bytes.
    mutating func beginText(count: Int) { header(UInt32(count), reserving: count) }
    mutating func appendTextByte(_ byte: UInt8) {
        storage.base.storeBytes(of: byte, toByteOffset: storage.count, as: UInt8.self)
        storage.count += 1
    }
    mutating func appendTextBytes(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            if let source = bytes.baseAddress { (storage.base + storage.count).copyMemory(from: source, byteCount: bytes.count) }
            storage.count += bytes.count
        }
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
        header(10, reserving: 10)
        let out = (storage.base + storage.count).assumingMemoryBound(to: UInt8.self)
        func put(_ number: Int, _ width: Int, at offset: Int) {
            var number = number
            for position in stride(from: offset + width - 1, through: offset, by: -1) {
                out[position] = UInt8(48 + number % 10)
                number /= 10
            }
        }
        put(value.year, 4, at: 0)
        out[4] = 0x2D
        put(value.month, 2, at: 5)
        out[7] = 0x2D
        put(value.day, 2, at: 8)
        storage.count += 10
    }

    /// Calls `body` with the start of the values' bytes (valid for the call).
    func withBytes<T>(_ body: (UnsafeRawPointer) throws -> T) rethrows -> T {
        try withExtendedLifetime(storage) { try body(UnsafeRawPointer(storage.base)) }
    }

    // MARK: - Reading back

    /// Binds the values of row `index` to the statement's parameters 1…n with SQLITE_STATIC text
    /// pointing into `base` (this buffer's bytes), which must stay valid until the statement has
    /// been stepped and its parameters bound again.
    func bind(_ index: Int, to statement: OpaquePointer, base: UnsafeRawPointer) {
        var offset = rows[index].start
        for parameter in 1...Int32(ImportFileFormat.storedColumnCounts[rows[index].table.storeIndex]) {
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
        withBytes { buffer in
            var offset = rows[index].start
            var result: [DatabaseValue] = []
            for _ in 0..<ImportFileFormat.storedColumnCounts[rows[index].table.storeIndex] {
                let header = UInt32(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                offset += 4
                switch header {
                case Self.nullHeader:
                    result.append(.null)
                case Self.integerHeader:
                    result.append(Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: Int64.self)).databaseValue)
                    offset += 8
                default:
                    let text = UnsafeRawBufferPointer(start: buffer + offset, count: Int(header))
                    result.append(String(decoding: text, as: UTF8.self).databaseValue)
                    offset += Int(header)
                }
            }
            return result
        }
    }
}

/// The growable bytes of `RenderedRows` (one owner at a time; `RenderedRows` copies on write).
final class ByteStorage: @unchecked Sendable {
    // NOTE: @unchecked because a storage is mutated only through the one `RenderedRows` that
    // holds it uniquely (checked in `begin`); a batch handed to another thread is no longer
    // mutated by the thread that filled it. @exclusivity(unchecked) for the same reason: these
    // are read and written per value, and the run-time checks of a class's stored properties
    // were a visible cost on the reading thread (see CSVReader).
    @exclusivity(unchecked) private(set) var base: UnsafeMutableRawPointer
    @exclusivity(unchecked) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        newBase.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func copy() -> ByteStorage {
        let copy = ByteStorage(capacity: capacity)
        copy.base.copyMemory(from: base, byteCount: count)
        copy.count = count
        return copy
    }
}
