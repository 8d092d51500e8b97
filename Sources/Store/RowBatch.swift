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
    /// The widest table read (penalties: 13 columns).
    static let maximumColumns = 16

    var table = ""
    var columns: Int32 = 0
    /// The position of the batch's first row among its table's rows, in the order read.
    private(set) var firstRow = 0
    private(set) var rowCount = 0
    /// `capacity × maximumColumns` cells, row after row. Raw memory the batch owns, not an
    /// Array in a class property: every access to the latter went through Swift's dynamic
    /// exclusivity check and a uniqueness check, ~5 % of a run's CPU on the scanning thread
    /// (perf, 10⁵ firms).
    let cells = UnsafeMutablePointer<Cell>.allocate(capacity: RowBatch.capacity * RowBatch.maximumColumns)
    // The text and blob bytes, in memory the batch owns (readers get pointers into it, valid
    // until the batch is refilled: an Array's buffer may not be used outside its closure).
    private var storage = UnsafeMutableRawPointer.allocate(byteCount: 1 << 18, alignment: 1)
    private var storageCapacity = 1 << 18
    private var used = 0

    deinit {
        storage.deallocate()
        cells.deallocate()
    }

    func reset(table: String, columns: Int32, firstRow: Int = 0) {
        precondition(columns <= RowBatch.maximumColumns, "\(table) has more than \(RowBatch.maximumColumns) columns")
        self.table = table
        self.columns = columns
        self.firstRow = firstRow
        rowCount = 0
        used = 0
    }

    var isFull: Bool { rowCount == RowBatch.capacity }

    /// Copies the current row of `statement`: one `sqlite3_column_value` per column, then its
    /// type, number or bytes from the value (each `sqlite3_column_*` call takes the
    /// connection's mutex; this thread is the only one using the connection while it steps).
    func append(_ statement: OpaquePointer) {
        let row = cells + rowCount * Int(columns)
        // (Locals: the class's stored properties are read and written once per row.)
        var used = self.used, storage = self.storage, storageCapacity = self.storageCapacity
        for column in 0..<columns {
            let value = sqlite3_column_value(statement, column)
            let type = sqlite3_value_type(value)
            switch type {
            case SQLITE_INTEGER:
                row[Int(column)] = Cell(type: type, count: 0, value: sqlite3_value_int64(value))
            case SQLITE_FLOAT:
                row[Int(column)] = Cell(type: type, count: 0, value: Int64(bitPattern: sqlite3_value_double(value).bitPattern))
            case SQLITE_NULL:
                row[Int(column)] = Cell(type: type, count: 0, value: 0)
            default:
                // Text (or blob) first, then its length: the order SQLite documents.
                let pointer = type == SQLITE_BLOB ? sqlite3_value_blob(value) : UnsafeRawPointer(sqlite3_value_text(value))
                let count = Int(sqlite3_value_bytes(value))
                row[Int(column)] = Cell(type: type, count: Int32(count), value: Int64(used))
                if let pointer, count > 0 {
                    if used + count > storageCapacity {
                        grow(toHold: used + count, used: used)
                        storage = self.storage
                        storageCapacity = self.storageCapacity
                    }
                    (storage + used).copyMemory(from: pointer, byteCount: count)
                    used += count
                }
            }
        }
        self.used = used
        rowCount += 1
    }

    private func grow(toHold count: Int, used: Int) {
        let capacity = max(storageCapacity * 2, count)
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 1)
        grown.copyMemory(from: storage, byteCount: used)
        storage.deallocate()
        storage = grown
        storageCapacity = capacity
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
        try body(UnsafeBufferPointer(start: cells, count: rowCount * Int(columns)), UnsafeRawPointer(storage))
    }
}
