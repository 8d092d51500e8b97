import Foundation

/// A JSON value with ordered object keys, written as Python's
/// `json.dumps(value, indent=2, ensure_ascii=False)` writes it, so that `record.json` is
/// byte-identical to what the reference script in Datasets/lottery produces.
public indirect enum DrawJSON: Equatable, Sendable {
    case object([(String, DrawJSON)])
    case array([DrawJSON])
    case string(String)
    case integer(Int)

    public static func == (lhs: DrawJSON, rhs: DrawJSON) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(a), .array(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        default: return false
        }
    }

    /// The indented text plus a final newline.
    public var prettyText: String { String(decoding: prettyBytes, as: UTF8.self) }

    /// The indented UTF-8 bytes plus a final newline.
    public var prettyBytes: [UInt8] {
        var out: [UInt8] = []
        write(into: &out, level: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(into out: inout [UInt8], level: Int) {
        @inline(__always) func pad(_ depth: Int) { for _ in 0..<(2 * depth) { out.append(0x20) } }
        switch self {
        case let .object(members):
            if members.isEmpty { out += "{}".utf8; return }
            out += "{\n".utf8
            for (index, (key, value)) in members.enumerated() {
                pad(level + 1)
                DrawJSON.quote(key, into: &out)
                out += ": ".utf8
                value.write(into: &out, level: level + 1)
                out += (index == members.count - 1 ? "\n" : ",\n").utf8
            }
            pad(level)
            out.append(UInt8(ascii: "}"))
        case let .array(items):
            if items.isEmpty { out += "[]".utf8; return }
            out += "[\n".utf8
            for (index, value) in items.enumerated() {
                pad(level + 1)
                value.write(into: &out, level: level + 1)
                out += (index == items.count - 1 ? "\n" : ",\n").utf8
            }
            pad(level)
            out.append(UInt8(ascii: "]"))
        case let .string(text): DrawJSON.quote(text, into: &out)
        case let .integer(value): out += String(value).utf8
        }
    }

    /// Python's `ensure_ascii=False` escaping: `"`, `\`, and control characters below U+0020;
    /// everything else is copied as UTF-8.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0x08: out += "\\b".utf8
            case 0x0C: out += "\\f".utf8
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += "\\u00".utf8
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses JSON text with Foundation; nil when it is not JSON.
    static func parse(_ data: Data) -> Any? {
        try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// An integer from a parsed JSON number (rejects fractions and booleans).
    static func integer(_ value: Any?) -> Int? {
        // Booleans arrive as an NSNumber subclass (`__NSCFBoolean` on Linux, where `0 is Bool`
        // and `1 is Bool` are true for plain numbers), so compare the exact class. A number
        // with a fractional part is not an integer.
        guard let number = value as? NSNumber, ObjectIdentifier(type(of: number)) == ObjectIdentifier(NSNumber.self) else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded(), abs(double) < 9e15 else { return nil }
        return Int(double)
    }

    /// A boolean from a parsed JSON `true`/`false` (rejects numbers: see `integer`; a JSON
    /// boolean is the NSNumber subclass, a JSON number is plain NSNumber).
    static func boolean(_ value: Any?) -> Bool? {
        guard let number = value as? NSNumber, ObjectIdentifier(type(of: number)) != ObjectIdentifier(NSNumber.self) else { return nil }
        return number.boolValue
    }
}
