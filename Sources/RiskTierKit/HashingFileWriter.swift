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
    private var buffer: [UInt8] = []

    init(path: String) throws(MonthlyRunError) {
        guard let file = fopen(path, "wb") else {
            throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        if let file { fclose(file) }
    }

    func write(_ bytes: [UInt8]) throws(MonthlyRunError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func flush() throws(MonthlyRunError) {
        guard let file else { throw .io(path: path, message: "cannot write: the file is closed") }
        let written = buffer.withUnsafeBytes { raw -> Int in
            hasher.update(bufferPointer: raw)
            return raw.isEmpty ? 0 : fwrite(raw.baseAddress!, 1, raw.count, file)
        }
        guard written == buffer.count else {
            throw .io(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        buffer.removeAll(keepingCapacity: true)
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
