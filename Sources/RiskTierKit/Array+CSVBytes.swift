import Domain

/// Where the monthly run's CSV lines are rendered: a byte array, or a `LineBuffer` in the file
/// writer's own memory (`HashingFileWriter.withLine`).
protocol CSVByteSink {
    mutating func put(_ byte: UInt8)
    mutating func put(_ bytes: UnsafeRawBufferPointer)
}

/// Appending CSV fields.
extension CSVByteSink {
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { put(UnsafeRawBufferPointer($0)) }
    }

    /// A tier's letter (`A` + its rank: the raw values are `A`…`D`).
    mutating func append(_ tier: Tier?) {
        if let tier { put(UInt8(ascii: "A") + UInt8(tier.rank)) }
    }

    mutating func comma() { put(UInt8(ascii: ",")) }

    /// `String(value)`'s bytes. (Digits into a stack buffer, then one append: a byte-by-byte
    /// append and an in-place reverse of the slice cost ≈ 780 instructions per call, callgrind.)
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { put(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        Swift.withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            put(UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }
}

extension Array: CSVByteSink where Element == UInt8 {
    // (Not named `append`: a sink's own `append` overloads would then call themselves.)
    mutating func put(_ byte: UInt8) { append(byte) }
    mutating func put(_ bytes: UnsafeRawBufferPointer) { append(contentsOf: bytes) }
}

/// Bytes written straight into memory someone else owns, up to its capacity (a line of a
/// file: `HashingFileWriter.withLine`). Rendering each line into an array and copying it into
/// the writer's array cost a uniqueness and capacity check per field and a copy per line, about
/// a tenth of the scoring thread at 10⁶ firms (perf).
struct LineBuffer: CSVByteSink {
    private let base: UnsafeMutableRawPointer
    private let capacity: Int
    private(set) var count = 0

    init(base: UnsafeMutableRawPointer, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    mutating func put(_ byte: UInt8) {
        precondition(count < capacity, "a CSV line longer than \(capacity) bytes")
        base.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count += 1
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
        precondition(count + bytes.count <= capacity, "a CSV line longer than \(capacity) bytes")
        if let source = bytes.baseAddress { (base + count).copyMemory(from: source, byteCount: bytes.count) }
        count += bytes.count
    }
}
