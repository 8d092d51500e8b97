#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Rows of one table copied out of SQLite by the scanning thread: every column's type, its
/// number or the position of its bytes in one shared buffer. The feature pass decodes them on
/// the other thread (`Store.scanFeatureInputs`).
final class RowBatch: @unchecked Sendable {
    // NOTE: @unchecked: a batch is filled by one thread, then handed over through
    // `RowBatchChannel` (a lock) and only read by the other until it is handed back.
    struct Cell {
        var type: Int32
        var count: Int32
        /// The integer, the double's bit pattern, or the offset of the bytes in `bytes`.
        var value: Int64
    }

    static let capacity = 2_048

    var table = ""
    var columns: Int32 = 0
    private(set) var rowCount = 0
    private(set) var cells: [Cell] = []
    // The text and blob bytes, in memory the batch owns (readers get pointers into it, valid
    // until the batch is refilled: an Array's buffer may not be used outside its closure).
    private var storage = UnsafeMutableRawPointer.allocate(byteCount: 1 << 18, alignment: 1)
    private var storageCapacity = 1 << 18
    private var used = 0

    deinit { storage.deallocate() }

    func reset(table: String, columns: Int32) {
        self.table = table
        self.columns = columns
        rowCount = 0
        cells.removeAll(keepingCapacity: true)
        used = 0
    }

    var isFull: Bool { rowCount == RowBatch.capacity }

    /// Copies the current row of `statement`.
    func append(_ statement: OpaquePointer) {
        for column in 0..<columns {
            let type = sqlite3_column_type(statement, column)
            switch type {
            case SQLITE_INTEGER:
                cells.append(Cell(type: type, count: 0, value: sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT:
                cells.append(Cell(type: type, count: 0, value: Int64(bitPattern: sqlite3_column_double(statement, column).bitPattern)))
            case SQLITE_NULL:
                cells.append(Cell(type: type, count: 0, value: 0))
            default:
                let pointer = type == SQLITE_BLOB ? sqlite3_column_blob(statement, column) : UnsafeRawPointer(sqlite3_column_text(statement, column))
                let count = Int(sqlite3_column_bytes(statement, column))
                cells.append(Cell(type: type, count: Int32(count), value: Int64(used)))
                if let pointer, count > 0 {
                    if used + count > storageCapacity {
                        let grown = UnsafeMutableRawPointer.allocate(byteCount: max(storageCapacity * 2, used + count), alignment: 1)
                        grown.copyMemory(from: storage, byteCount: used)
                        storage.deallocate()
                        storage = grown
                        storageCapacity = max(storageCapacity * 2, used + count)
                    }
                    (storage + used).copyMemory(from: pointer, byteCount: count)
                    used += count
                }
            }
        }
        rowCount += 1
    }

    /// Row `index` of the batch; valid while the batch is not refilled.
    struct Row: StoredRow {
        let batch: RowBatch
        let base: Int

        var table: String { batch.table }
        func type(_ column: Int32) -> Int32 { batch.cells[base + Int(column)].type }
        func int(_ column: Int32) -> Int { Int(batch.cells[base + Int(column)].value) }
        func double(_ column: Int32) -> Double { Double(bitPattern: UInt64(bitPattern: batch.cells[base + Int(column)].value)) }
        func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
            let cell = batch.cells[base + Int(column)]
            guard cell.type == SQLITE_TEXT || cell.type == SQLITE_BLOB, cell.count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
            return UnsafeRawBufferPointer(start: batch.storage + Int(cell.value), count: Int(cell.count))
        }
    }

    func row(_ index: Int) -> Row { Row(batch: self, base: index * Int(columns)) }

    /// Every cell in row order and the bytes their text and blob offsets point into.
    func withCells<T>(_ body: (UnsafeBufferPointer<Cell>, UnsafeRawPointer) throws -> T) rethrows -> T {
        try cells.withUnsafeBufferPointer { try body($0, UnsafeRawPointer(storage)) }
    }
}
