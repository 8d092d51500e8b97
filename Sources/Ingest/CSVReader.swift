#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 reader over a file or bytes in memory.
///
/// - Line ends LF or CRLF; fields quoted with `"` may hold commas, newlines and `""` escapes.
/// - A UTF-8 BOM is stripped; a UTF-16 file, an empty file, bytes that are not UTF-8 (the message
///   suggests `--encoding gb18030`), a quote inside an unquoted field and a file that ends inside
///   quotes are errors naming the file and the line.
/// - With `hasHeader` (the default) the first record is the header and every later record must
///   have as many fields.
///
/// Memory is one buffer of `chunkSize` bytes (grown only for a record longer than that), so a
/// file of any length streams.
///
/// Written by hand because the offline packages were measured too slow: on a 1e6-line, 124 MB
/// penalties-shaped file (release builds, same machine, 2026-11-25) this reader takes 1.0–2.0 s
/// and 19 MB RSS, yaslab/CSV.swift 2.5.2 (streaming `CSVReader(stream:)`) 20.2 s, and
/// swiftcsv/SwiftCSV 0.10.0 48 s and 919 MB (it loads the whole file as a String). Neither gives
/// line numbers for errors or rejects a stray quote. `sqlite3 .import --csv` of the same file
/// into memory: 3.6 s. Harness: Benchmarks/peers/csv_readers/.
public final class CSVReader {
    /// File name used in messages.
    public let fileName: String
    /// The header, when the reader was created with `hasHeader: true`.
    public private(set) var header: CSVHeader?

    // The per-byte and per-field state is `@exclusivity(unchecked)`: a class's stored `var` is
    // otherwise checked at run time on every access (swift_beginAccess, a thread-local access
    // set), and `perf` of an import put ≈ 8 % of the reading thread's samples in those checks,
    // mostly from `spans`. The reader is used by one thread at a time and never hands out
    // inout references to these properties, so no access can overlap.
    private var source: ByteSource
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var start = 0
    @exclusivity(unchecked) private var end = 0
    private var atEOF = false
    /// Physical line of the byte at `start`.
    @exclusivity(unchecked) private var line = 1
    /// Byte ranges of the current record's fields in `buffer` (quotes removed, `""` already
    /// unescaped in place), valid until the next read.
    @exclusivity(unchecked) private var spans: [FieldSpan] = []
    /// Line on which the current record starts.
    @exclusivity(unchecked) private(set) var recordLine = 0

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Opens `path`; `fileName` defaults to its last path component.
    public convenience init(path: String, fileName: String? = nil, encoding: CSVEncoding = .utf8,
                            hasHeader: Bool = true, chunkSize: Int = 1 << 20) throws(IngestError) {
        let name = fileName ?? String(path.split(separator: "/").last ?? Substring(path))
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw IngestError(file: name, line: nil, message: "cannot open '\(path)': \(reason)")
        }
        try self.init(source: .file(fd), fileName: name, encoding: encoding, hasHeader: hasHeader, chunkSize: chunkSize)
    }

    /// Reads bytes held in memory.
    public convenience init(bytes: [UInt8], fileName: String, encoding: CSVEncoding = .utf8,
                            hasHeader: Bool = true, chunkSize: Int = 1 << 20) throws(IngestError) {
        try self.init(source: .memory(bytes, 0), fileName: fileName, encoding: encoding,
                      hasHeader: hasHeader, chunkSize: chunkSize)
    }

    private init(source: RawSource, fileName: String, encoding: CSVEncoding, hasHeader: Bool,
                 chunkSize: Int) throws(IngestError) {
        spans.reserveCapacity(32)
        self.fileName = fileName
        self.capacity = max(chunkSize, 16)
        self.buffer = .allocate(capacity: capacity)
        switch encoding {
        case .utf8: self.source = ByteSource(raw: source, converter: nil)
        case .gb18030:
            guard let converter = IconvConverter(from: "GB18030") else {
                source.close()
                throw IngestError(file: fileName, line: nil, message: "GB18030 decoding is not available on this system (iconv)")
            }
            self.source = ByteSource(raw: source, converter: converter)
        }
        try fill()
        try checkStart(encoding: encoding)
        if hasHeader {
            guard try nextRawRecord() else {
                throw IngestError(file: fileName, line: nil, message: "file is empty; expected a header row")
            }
            let first = currentRecord()
            let names = first.fields.map { trimSpaces($0) }
            do {
                header = try CSVHeader(names: names)
            } catch {
                guard case let .duplicate(name) = error else { fatalError() }
                throw IngestError(file: fileName, line: first.line, field: name,
                                  message: "header names column '\(name)' twice; each column must appear once")
            }
        }
    }

    deinit {
        buffer.deallocate()
        source.close()
    }

    /// The next record, or nil at the end of the input.
    public func next() throws(IngestError) -> CSVRecord? {
        guard try advance() else { return nil }
        return currentRecord()
    }

    /// Moves to the next record without building its strings (read its fields with
    /// `field(_:)`); false at the end of the input. Checks the field count like `next()`.
    func advance() throws(IngestError) -> Bool {
        guard try nextRawRecord() else { return false }
        if let header, spans.count != header.count {
            if spans.count == 1, spans[0].start == spans[0].end {
                throw IngestError(file: fileName, line: recordLine, message: "blank line; every record must have \(header.count) fields as in the header")
            }
            throw IngestError(file: fileName, line: recordLine,
                              message: "record must have \(header.count) fields as in the header; got \(spans.count)")
        }
        return true
    }

    /// The bytes of field `index` of the current record: valid UTF-8 (checked while parsing),
    /// valid until the next `advance()`.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        return UnsafeBufferPointer(start: buffer + span.start, count: span.end - span.start)
    }

    private func currentRecord() -> CSVRecord {
        CSVRecord(line: recordLine, fields: spans.indices.map { String(decoding: field($0), as: UTF8.self) })
    }

    /// Calls `body` for each remaining record, in order.
    public func forEach(_ body: (CSVRecord) throws(IngestError) -> Void) throws(IngestError) {
        while let record = try next() { try body(record) }
    }

    /// Reads a whole small input: header and all records.
    public static func readAll(bytes: [UInt8], fileName: String, encoding: CSVEncoding = .utf8) throws(IngestError) -> (header: CSVHeader, records: [CSVRecord]) {
        let reader = try CSVReader(bytes: bytes, fileName: fileName, encoding: encoding)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.header!, records)
    }

    /// Reads a whole small file: header and all records.
    public static func readAll(path: String, encoding: CSVEncoding = .utf8) throws(IngestError) -> (header: CSVHeader, records: [CSVRecord]) {
        let reader = try CSVReader(path: path, encoding: encoding)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return (reader.header!, records)
    }

    // MARK: - Buffer

    /// Moves unread bytes to the front and reads more; grows the buffer when a single record
    /// fills it.
    private func fill() throws(IngestError) {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { buffer.update(from: buffer + start, count: remaining) }
            start = 0
            end = remaining
        }
        // Grow when the unread record fills (almost) the whole buffer; the margin keeps room for
        // at least one whole converted character.
        if capacity - end < 64 {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        guard !atEOF else { return }
        let count: Int
        do { count = try source.read(into: buffer + end, count: capacity - end) } catch {
            throw IngestError(file: fileName, line: line + countNewlines(start, end), message: error.message)
        }
        if count == 0 { atEOF = true } else { end += count }
    }

    private func countNewlines(_ from: Int, _ to: Int) -> Int {
        var n = 0
        for index in from..<to where buffer[index] == Self.lf { n += 1 }
        return n
    }

    private func checkStart(encoding: CSVEncoding) throws(IngestError) {
        let n = end - start
        if n >= 2, (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF)
            || buffer[0] == 0 || buffer[1] == 0 {
            throw IngestError(file: fileName, line: 1, message: "file is UTF-16; save it as UTF-8 (or GB18030 and pass --encoding gb18030)")
        }
        if n >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
    }

    // MARK: - Parsing

    private enum Step {
        case record(next: Int, newlines: Int)
        case needMore
    }

    /// A field's bytes in `buffer`; `escaped` while `""` pairs are still to be collapsed.
    struct FieldSpan {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    private func nextRawRecord() throws(IngestError) -> Bool {
        while true {
            if start == end {
                if atEOF { return false }
                try fill()
                continue
            }
            switch try parse() {
            case let .record(next, newlines):
                recordLine = line
                // The record is complete and its bytes are never parsed again: collapse `""`
                // in place so that every field is a plain byte range.
                for index in spans.indices where spans[index].escaped {
                    var write = spans[index].start
                    var read = write
                    while read < spans[index].end {
                        buffer[write] = buffer[read]
                        read += buffer[read] == Self.quote ? 2 : 1
                        write += 1
                    }
                    spans[index].end = write
                    spans[index].escaped = false
                }
                start = next
                line += newlines
                return true
            case .needMore:
                try fill()
            }
        }
    }

    /// Parses one record starting at `start`. Returns `.needMore` when the buffer ends before the
    /// record does and more input may follow.
    private func parse() throws(IngestError) -> Step {
        let p = buffer
        let e = end
        let eof = atEOF
        var i = start
        var newlines = 0
        spans.removeAll(keepingCapacity: true)
        while true {
            let fieldLine = line + newlines
            if i < e, p[i] == Self.quote {
                i += 1
                let fieldStart = i
                var escaped = false
                var fieldNewlines = 0
                while true {
                    guard i < e else {
                        if eof {
                            throw IngestError(file: fileName, line: fieldLine, message: "quoted field starting here is never closed (the file ends inside quotes; is the last line truncated?)")
                        }
                        return .needMore
                    }
                    let c = p[i]
                    if c == Self.quote {
                        if i + 1 < e {
                            if p[i + 1] == Self.quote { escaped = true; i += 2; continue }
                            break
                        }
                        if eof { break }
                        return .needMore
                    }
                    if c == Self.lf { fieldNewlines += 1 }
                    i += 1
                }
                let fieldEnd = i
                i += 1
                try addField(fieldStart, fieldEnd, escaped: escaped, line: fieldLine)
                newlines += fieldNewlines
                if i == e {
                    if eof { return .record(next: i, newlines: newlines) }
                    return .needMore
                }
                let c = p[i]
                if c == Self.comma { i += 1; continue }
                if c == Self.lf { return .record(next: i + 1, newlines: newlines + 1) }
                if c == Self.cr {
                    if i + 1 < e {
                        if p[i + 1] == Self.lf { return .record(next: i + 2, newlines: newlines + 1) }
                    } else if !eof {
                        return .needMore
                    } else {
                        return .record(next: i + 1, newlines: newlines + 1)
                    }
                    throw IngestError(file: fileName, line: line + newlines, message: "carriage return not followed by a line feed; lines must end in LF or CRLF")
                }
                throw IngestError(file: fileName, line: line + newlines, message: "closing quote must be followed by a comma or the end of the line; got '\(Character(Unicode.Scalar(c)))'")
            } else {
                let fieldStart = i
                while i < e {
                    let c = p[i]
                    // All four specials are ≤ 0x2C, so most bytes cost one comparison.
                    if c <= Self.comma && (c == Self.comma || c == Self.lf || c == Self.cr || c == Self.quote) { break }
                    i += 1
                }
                if i == e {
                    guard eof else { return .needMore }
                    try addField(fieldStart, i, escaped: false, line: fieldLine)
                    return .record(next: i, newlines: newlines)
                }
                let c = p[i]
                if c == Self.quote {
                    throw IngestError(file: fileName, line: fieldLine, message: "a field containing '\"' must be quoted and the quote doubled (RFC 4180)")
                }
                try addField(fieldStart, i, escaped: false, line: fieldLine)
                if c == Self.comma { i += 1; continue }
                if c == Self.lf { return .record(next: i + 1, newlines: newlines + 1) }
                // CR
                if i + 1 < e {
                    if p[i + 1] == Self.lf { return .record(next: i + 2, newlines: newlines + 1) }
                } else if !eof {
                    return .needMore
                } else {
                    return .record(next: i + 1, newlines: newlines + 1)
                }
                throw IngestError(file: fileName, line: fieldLine, message: "carriage return not followed by a line feed; lines must end in LF or CRLF")
            }
        }
    }

    /// Records a field, checking that its bytes are UTF-8 (the error names the physical line of
    /// the first offending byte; a quoted field may span lines).
    @inline(__always)
    private func addField(_ from: Int, _ to: Int, escaped: Bool, line fieldLine: Int) throws(IngestError) {
        if !isASCII(buffer + from, to - from) {
            let bytes = UnsafeBufferPointer(start: buffer + from, count: to - from)
            // UTF8Span validates in place; `String(validating:)` built (and freed) a String per
            // non-ASCII field, e.g. every Chinese name.
            if (try? UTF8Span(validating: bytes.span)) == nil {
                var badLine = fieldLine
                var decoder = UTF8()
                var iterator = bytes.makeIterator()
                loop: while true {
                    switch decoder.decode(&iterator) {
                    case let .scalarValue(scalar): if scalar == "\n" { badLine += 1 }
                    case .emptyInput, .error: break loop
                    }
                }
                throw IngestError(file: fileName, line: badLine, message: "bytes are not valid UTF-8; if the file is GB18030/GBK (common in government exports), pass --encoding gb18030")
            }
        }
        spans.append(FieldSpan(start: from, end: to, escaped: escaped))
    }

    /// Eight bytes at a time.
    @inline(__always)
    private func isASCII(_ pointer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        let raw = UnsafeRawPointer(pointer)
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if pointer[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

/// Trims ASCII spaces and tabs around a header name.
func trimSpaces(_ text: String) -> String {
    var slice = Substring(text)
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
    return String(slice)
}

// MARK: - Byte sources

enum RawSource {
    case file(Int32)
    case memory([UInt8], Int)

    mutating func read(into pointer: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        switch self {
        case let .file(fd):
            while true {
                let n = Glibc.read(fd, pointer, count)
                if n >= 0 { return n }
                if errno != EINTR { return 0 }
            }
        case let .memory(bytes, offset):
            let n = min(count, bytes.count - offset)
            if n > 0 {
                bytes.withUnsafeBufferPointer { pointer.update(from: $0.baseAddress! + offset, count: n) }
            }
            self = .memory(bytes, offset + n)
            return n
        }
    }

    func close() {
        if case let .file(fd) = self { _ = Glibc.close(fd) }
    }
}

struct ByteSourceError: Error { let message: String }

/// Raw bytes, optionally converted to UTF-8 through iconv.
struct ByteSource {
    var raw: RawSource
    var converter: IconvConverter?

    mutating func read(into pointer: UnsafeMutablePointer<UInt8>, count: Int) throws(ByteSourceError) -> Int {
        guard let converter else { return raw.read(into: pointer, count: count) }
        return try converter.read(from: &raw, into: pointer, count: count)
    }

    func close() { raw.close() }
}

/// Streams bytes of another encoding into UTF-8 with glibc's iconv, keeping an incomplete
/// multi-byte sequence at a chunk end for the next call.
final class IconvConverter {
    private let descriptor: iconv_t
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var rawEOF = false
    private let chunk = 1 << 16
    private let sourceName: String

    init?(from encoding: String) {
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, Int(bitPattern: UnsafeRawPointer(cd)) != -1 else { return nil }
        descriptor = cd
        sourceName = encoding
    }

    deinit { iconv_close(descriptor) }

    func read(from raw: inout RawSource, into pointer: UnsafeMutablePointer<UInt8>, count: Int) throws(ByteSourceError) -> Int {
        guard count >= 8 else { return 0 }
        while true {
            if pendingOffset == pending.count || (pending.count - pendingOffset < 4 && !rawEOF) {
                // Top up the raw input.
                var fresh = [UInt8](repeating: 0, count: chunk)
                let n = fresh.withUnsafeMutableBufferPointer { raw.read(into: $0.baseAddress!, count: chunk) }
                if n == 0 { rawEOF = true } else {
                    pending = Array(pending[pendingOffset...]) + fresh[0..<n]
                    pendingOffset = 0
                }
            }
            let available = pending.count - pendingOffset
            if available == 0 { return 0 }
            var outLeft = count
            var inLeft = available
            var failure: Int32 = 0
            pending.withUnsafeMutableBufferPointer { input in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(input.baseAddress! + pendingOffset).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: CChar.self)
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 { failure = errno }
            }
            pendingOffset += available - inLeft
            let produced = count - outLeft
            if failure == EILSEQ && produced == 0 {
                throw ByteSourceError(message: "bytes are not valid \(sourceName)")
            }
            if failure == EINVAL && produced == 0 {
                if rawEOF { throw ByteSourceError(message: "file ends inside a \(sourceName) multi-byte character") }
                // Incomplete sequence at the chunk end: read more and retry.
                var fresh = [UInt8](repeating: 0, count: chunk)
                let n = fresh.withUnsafeMutableBufferPointer { raw.read(into: $0.baseAddress!, count: chunk) }
                if n == 0 { rawEOF = true } else {
                    pending = Array(pending[pendingOffset...]) + fresh[0..<n]
                    pendingOffset = 0
                }
                continue
            }
            if produced > 0 { return produced }
            if failure == E2BIG { return 0 }
        }
    }
}
