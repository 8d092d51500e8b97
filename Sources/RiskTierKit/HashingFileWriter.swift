import Crypto
import Foundation

/// Writes a file through a 1 MiB buffer and hashes exactly what it writes (SHA-256): the
/// monthly run streams scores.csv to disk instead of holding the whole file in memory
/// (10⁸ bytes at 10⁶ firms) and still records the file's digest in run.json. A writer left
/// unfinished (the run failed) closes its file when it goes.
final class HashingFileWriter {
    let path: String
    private var file: UnsafeMutablePointer<FILE>?
    private var hasher = SHA256()
    /// The buffer: raw memory (no Array in a class property: uniqueness and exclusivity checks
    /// at each write), `used` bytes of `bufferSize` filled.
    private static let bufferSize = 1 << 20
    /// Room left for each line (`withLine`); a line is far shorter.
    static let lineCapacity = 4_096
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: HashingFileWriter.bufferSize, alignment: 16)
    private var used = 0

    init(path: String) throws(MonthlyRunError) {
        guard let file = fopen(path, "wb") else {
            buffer.deallocate()
            throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.file = file
    }

    deinit {
        if let file { fclose(file) }
        buffer.deallocate()
    }

    func write(_ bytes: [UInt8]) throws(MonthlyRunError) {
        for start in stride(from: 0, to: bytes.count, by: Self.lineCapacity) {
            try withLine { line in bytes[start..<min(start + Self.lineCapacity, bytes.count)].withUnsafeBytes { line.put($0) } }
        }
    }

    /// Renders one line (at most `lineCapacity` bytes) straight into the buffer.
    func withLine(_ render: (inout LineBuffer) -> Void) throws(MonthlyRunError) {
        if used + Self.lineCapacity > Self.bufferSize { try flush() }
        var line = LineBuffer(base: buffer + used, capacity: Self.lineCapacity)
        render(&line)
        used += line.count
    }

    private func flush() throws(MonthlyRunError) {
        guard let file else { throw .io(path: path, message: "cannot write: the file is closed") }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: used)
        hasher.update(bufferPointer: bytes)
        guard bytes.isEmpty || fwrite(buffer, 1, used, file) == used else {
            throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        used = 0
    }

    /// Flushes and closes the file; returns the lowercase hex SHA-256 of its bytes.
    func finish() throws(MonthlyRunError) -> String {
        try flush()
        let closed = fclose(file!)
        file = nil
        guard closed == 0 else { throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
