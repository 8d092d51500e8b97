import Foundation

/// A float64 array read from a `.npy` file (format versions 1–3, little-endian '<f8').
struct NumpyArray {
    let shape: [Int]
    let fortranOrder: Bool
    let values: [Double]

    init(path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard data.count > 10, data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8) else {
            throw NumpyError("\(path): not a .npy file")
        }
        let major = data[6]
        let headerLength: Int
        let headerStart: Int
        if major == 1 {
            headerLength = Int(data[8]) | Int(data[9]) << 8
            headerStart = 10
        } else {
            headerLength = Int(data[8]) | Int(data[9]) << 8 | Int(data[10]) << 16 | Int(data[11]) << 24
            headerStart = 12
        }
        let header = String(decoding: data[headerStart..<(headerStart + headerLength)], as: UTF8.self)
        guard header.contains("'descr': '<f8'") else { throw NumpyError("\(path): only '<f8' arrays are read; header \(header)") }
        fortranOrder = header.contains("'fortran_order': True")
        guard let open = header.range(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else {
            throw NumpyError("\(path): no shape in \(header)")
        }
        shape = header[open.upperBound..<close].split(separator: ",").compactMap {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        let count = shape.reduce(1, *)
        let start = headerStart + headerLength
        guard data.count - start == count * 8 else { throw NumpyError("\(path): expected \(count) values") }
        values = data[start...].withUnsafeBytes { raw in
            Array(raw.bindMemory(to: Double.self).prefix(count))
        }
    }
}

struct NumpyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
