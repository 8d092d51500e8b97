/// A tiny JSON writer with Python `json.dumps` defaults (`", "`, `": "`, `ensure_ascii`), so
/// that manifests are byte-identical to what a Python verifier writes with `sort_keys=True`.
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func open() { bytes.append(UInt8(ascii: "{")) }
    public mutating func close() { bytes.append(UInt8(ascii: "}")) }
    public mutating func openArray() { bytes.append(UInt8(ascii: "[")) }
    public mutating func closeArray() { bytes.append(UInt8(ascii: "]")) }
    public mutating func comma() { bytes += ", ".utf8 }
    public mutating func key(_ key: String) { string(key); bytes += ": ".utf8 }
    public mutating func raw(_ text: String) { bytes += text.utf8 }
    public mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// A JSON string, escaped as Python's `json.dumps` (ensure_ascii=True) escapes it.
    public mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for unit in text.utf16 {
            switch unit {
            case 0x22: bytes += "\\\"".utf8
            case 0x5C: bytes += "\\\\".utf8
            case 0x0A: bytes += "\\n".utf8
            case 0x0D: bytes += "\\r".utf8
            case 0x09: bytes += "\\t".utf8
            case 0x08: bytes += "\\b".utf8
            case 0x0C: bytes += "\\f".utf8
            case 0x20..<0x7F: bytes.append(UInt8(unit))
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes += "\\u".utf8
                for shift in stride(from: 12, through: 0, by: -4) { bytes.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Python sorts dict keys by code point; for UTF-8 that is bytewise order.
    public static func keyOrder(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
