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
    public var prettyText: String {
        var out = ""
        write(into: &out, level: 0)
        return out + "\n"
    }

    private func write(into out: inout String, level: Int) {
        let pad = String(repeating: "  ", count: level + 1), closePad = String(repeating: "  ", count: level)
        switch self {
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += pad + DrawJSON.quoted(key) + ": "
                value.write(into: &out, level: level + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "}"
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, value) in items.enumerated() {
                out += pad
                value.write(into: &out, level: level + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += closePad + "]"
        case let .string(text): out += DrawJSON.quoted(text)
        case let .integer(value): out += String(value)
        }
    }

    /// Python's `ensure_ascii=False` escaping: `"`, `\`, and control characters below U+0020.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
}
