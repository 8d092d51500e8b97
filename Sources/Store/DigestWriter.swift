#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Renders the monthly run's input digest stream (`Store.scanFeatureInputs`) into a fixed
/// buffer handed to `sink` whenever it fills: per table the line `## <table> <columns>`
/// (the columns read, `,`-joined; then ` WHERE <condition>` for a table of which only some rows
/// are read; LF-terminated), then every row read, those columns in order, as
/// one tag byte and its value —
/// NULL `0x00`; integer `0x01` + 8 bytes (two's complement, little-endian); real `0x02` + the
/// 8 bytes of its IEEE-754 binary64 bits (little-endian); text `0x03` and blob `0x04` + the byte
/// length (4 bytes, little-endian) + the bytes. Self-delimiting (a table's column count is
/// fixed, no row starts with `#`), so no two different contents of the columns read give the
/// same stream.
///
/// Binary rather than the former text lines (`|`-joined values, decimal numbers,
/// length-prefixed text): rendering those was 12 % of a run's CPU at 10⁵ firms (perf,
/// 2026-11-25), on the thread that is the scan's slower side.
final class DigestWriter {
    private static let capacity = 1 << 16
    private let base = UnsafeMutableRawPointer.allocate(byteCount: DigestWriter.capacity, alignment: 8)
    private var used = 0
    private let sink: (UnsafeRawBufferPointer) -> Void

    init(sink: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.sink = sink
    }

    deinit { base.deallocate() }

    func flush() {
        guard used > 0 else { return }
        sink(UnsafeRawBufferPointer(start: base, count: used))
        used = 0
    }

    /// `## <table> <column>,<column>,…`, then ` WHERE <condition>` when only some rows are read,
    /// and LF.
    func header(_ table: String, columns: some Sequence<String>, condition: String?) {
        var line = "## \(table) \(columns.joined(separator: ","))\(condition.map { " WHERE \($0)" } ?? "")\n"
        line.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Every row of `batch`, every column.
    func append(_ batch: RowBatch) {
        batch.withCells { cells, storage in
            for cell in cells {
                switch cell.type {
                case SQLITE_NULL:
                    reserve(1)
                    base.storeBytes(of: 0, toByteOffset: used, as: UInt8.self)
                    used += 1
                case SQLITE_INTEGER, SQLITE_FLOAT:
                    // (A real's cell holds its bit pattern.)
                    reserve(9)
                    base.storeBytes(of: cell.type == SQLITE_INTEGER ? 1 : 2, toByteOffset: used, as: UInt8.self)
                    base.storeBytes(of: cell.value.littleEndian, toByteOffset: used + 1, as: Int64.self)
                    used += 9
                default:
                    reserve(5)
                    base.storeBytes(of: cell.type == SQLITE_BLOB ? 4 : 3, toByteOffset: used, as: UInt8.self)
                    base.storeBytes(of: UInt32(cell.count).littleEndian, toByteOffset: used + 1, as: UInt32.self)
                    used += 5
                    if cell.count > 0 { bytes(UnsafeRawBufferPointer(start: storage + Int(cell.value), count: Int(cell.count))) }
                }
            }
        }
    }

    private func reserve(_ count: Int) {
        if used + count > DigestWriter.capacity { flush() }
    }

    private func bytes(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        if bytes.count > DigestWriter.capacity / 2 {
            flush()
            sink(bytes)
            return
        }
        reserve(bytes.count)
        (base + used).copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
    }
}
