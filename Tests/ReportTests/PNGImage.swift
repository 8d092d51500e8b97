import CZlib
import Foundation

/// A decoded 8-bit, non-interlaced PNG (what Chromium's `--screenshot` writes: colour type 2,
/// RGB, or 6, RGBA): the chunks are checked, the IDAT stream inflated with zlib and every
/// scanline un-filtered (PNG spec §9: None, Sub, Up, Average, Paeth), so the pixels are real.
struct PNGImage {
    let width: Int
    let height: Int
    /// RGB per pixel, row-major (alpha dropped: screenshots are opaque).
    let rgb: [UInt8]

    struct DecodeError: Error, CustomStringConvertible { let description: String }

    init(data: Data) throws {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
            throw DecodeError(description: "not a PNG signature")
        }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8, width = 0, height = 0, channels = 0, idat: [UInt8] = [], sawEnd = false
        while i + 12 <= bytes.count {
            let length = be32(i), type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            guard i + 12 + length <= bytes.count else { throw DecodeError(description: "truncated \(type) chunk") }
            let body = Array(bytes[(i + 8)..<(i + 8 + length)])
            let crc = bytes[(i + 4)..<(i + 8 + length)].withUnsafeBytes { UInt32(crc32(0, $0.baseAddress!.assumingMemoryBound(to: Bytef.self), uInt($0.count))) }
            guard crc == UInt32(be32(i + 8 + length)) else { throw DecodeError(description: "bad CRC in \(type)") }
            switch type {
            case "IHDR":
                width = Int(body[0]) << 24 | Int(body[1]) << 16 | Int(body[2]) << 8 | Int(body[3])
                height = Int(body[4]) << 24 | Int(body[5]) << 16 | Int(body[6]) << 8 | Int(body[7])
                guard body[8] == 8, body[12] == 0 else { throw DecodeError(description: "bit depth \(body[8]), interlace \(body[12]) unsupported") }
                switch body[9] {
                case 2: channels = 3
                case 6: channels = 4
                default: throw DecodeError(description: "colour type \(body[9]) unsupported")
                }
            case "IDAT": idat += body
            case "IEND": sawEnd = true
            default: break
            }
            i += 12 + length
        }
        guard sawEnd, width > 0, height > 0 else { throw DecodeError(description: "no IHDR or IEND") }
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var rawLength = uLongf(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            idat.withUnsafeBufferPointer { uncompress(out.baseAddress, &rawLength, $0.baseAddress, uLong($0.count)) }
        }
        guard status == Z_OK, Int(rawLength) == raw.count else {
            throw DecodeError(description: "zlib uncompress status \(status), \(rawLength) of \(raw.count) bytes")
        }
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = raw[row * (stride + 1)]
            let source = row * (stride + 1) + 1, target = row * stride
            for k in 0..<stride {
                let x = Int(raw[source + k])
                let a = k >= channels ? Int(pixels[target + k - channels]) : 0
                let b = row > 0 ? Int(pixels[target - stride + k]) : 0
                let c = (row > 0 && k >= channels) ? Int(pixels[target - stride + k - channels]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = a
                case 2: predicted = b
                case 3: predicted = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predicted = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c)
                default: throw DecodeError(description: "filter type \(filter) on row \(row)")
                }
                pixels[target + k] = UInt8((x + predicted) & 0xFF)
            }
        }
        self.width = width
        self.height = height
        if channels == 3 {
            rgb = pixels
        } else {
            var out = [UInt8]()
            out.reserveCapacity(width * height * 3)
            for p in 0..<(width * height) { out += pixels[(p * 4)..<(p * 4 + 3)] }
            rgb = out
        }
    }

    /// Luminance (Rec. 601) statistics: variance, the share of pixels that differ from the most
    /// common colour (the background), and the number of distinct colours.
    var statistics: (variance: Double, foregroundShare: Double, distinctColours: Int) {
        var sum = 0.0, sumSquares = 0.0
        var histogram: [UInt32: Int] = [:]
        for p in 0..<(width * height) {
            let r = Double(rgb[3 * p]), g = Double(rgb[3 * p + 1]), b = Double(rgb[3 * p + 2])
            let y = 0.299 * r + 0.587 * g + 0.114 * b
            sum += y
            sumSquares += y * y
            histogram[UInt32(rgb[3 * p]) << 16 | UInt32(rgb[3 * p + 1]) << 8 | UInt32(rgb[3 * p + 2]), default: 0] += 1
        }
        let n = Double(width * height), mean = sum / n
        let background = histogram.values.max() ?? 0
        return (sumSquares / n - mean * mean, 1 - Double(background) / n, histogram.count)
    }
}
