import Foundation

/// Minimal inline-SVG drawing: a plot area with linear axes mapped to pixels. Text is escaped;
/// coordinates are printed with two fixed decimals so the output is byte-stable.
///
/// Every mark carries a `class` (`axis-x`, `axis-y`, `tick`, `grid`, `point`, `bar`, `curve`,
/// `interval`, `reference`), and the two axis lines carry `data-min`/`data-max`, the data values
/// at their ends: a reader (the tests) can map any pixel back to data and check what is drawn.
struct SVGChart {
    let id: String
    let width: Double
    let height: Double
    let left: Double, right: Double, top: Double, bottom: Double
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    var body = ""

    init(id: String, width: Double = 520, height: Double = 360, x: ClosedRange<Double>, y: ClosedRange<Double>,
         left: Double = 70, right: Double = 20, top: Double = 30, bottom: Double = 50) {
        self.id = id
        self.width = width
        self.height = height
        self.xRange = x
        self.yRange = y
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// Pixel x of a data x (the ranges are never empty: callers widen degenerate ones).
    func px(_ x: Double) -> Double {
        left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (width - left - right)
    }

    func py(_ y: Double) -> Double {
        height - bottom - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (height - top - bottom)
    }

    /// Two decimals; −0.00 printed as 0.00 so equal pictures give equal bytes.
    static func f(_ v: Double) -> String {
        let s = String(format: "%.2f", v)
        return s == "-0.00" ? "0.00" : s
    }

    /// A data value in an attribute: shortest round-trip form (exact, locale-free).
    static func value(_ v: Double) -> String { v.isFinite ? "\(v)" : "NaN" }

    /// A tick step of 1, 2, 2.5 or 5 × 10^k giving at most `count` steps over 0...top, and the
    /// axis end rounded up to a whole number of steps.
    static func niceAxis(_ top: Double, count: Int = 5) -> (end: Double, step: Double) {
        guard top > 0, top.isFinite else { return (1, 0.2) }
        let raw = top / Double(count)
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * (1 - 1e-12) } ?? 10 * magnitude
        return ((top / step * (1 - 1e-12)).rounded(.up) * step, step)
    }

    /// The ticks 0, step, …, end.
    static func ticks(end: Double, step: Double) -> [Double] {
        (0...Int((end / step).rounded())).map { Double($0) * step }
    }

    /// HTML/XML escaping of text and attribute values (attributes are always double-quoted).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func classAttribute(_ name: String?) -> String { name.map { " class=\"\($0)\"" } ?? "" }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333", width w: Double = 1,
                       dash: Bool = false, class name: String? = nil, extra: String = "") {
        body += "<line\(Self.classAttribute(name)) x1=\"\(Self.f(px(x1)))\" y1=\"\(Self.f(py(y1)))\" x2=\"\(Self.f(px(x2)))\" y2=\"\(Self.f(py(y2)))\" stroke=\"\(stroke)\" stroke-width=\"\(w)\"\(dash ? " stroke-dasharray=\"4 3\"" : "")\(extra)/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width w: Double = 2, class name: String? = nil) {
        let text = points.map { "\(Self.f(px($0.0))),\(Self.f(py($0.1)))" }.joined(separator: " ")
        body += "<polyline\(Self.classAttribute(name)) fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(w)\" points=\"\(text)\"/>"
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double = 4, fill: String, class name: String? = nil, title: String? = nil) {
        let open = "<circle\(Self.classAttribute(name)) cx=\"\(Self.f(px(x)))\" cy=\"\(Self.f(py(y)))\" r=\"\(r)\" fill=\"\(fill)\""
        if let title { body += open + "><title>\(Self.escape(title))</title></circle>" } else { body += open + "/>" }
    }

    /// A bar from (x0, y0) to (x1, y1) in data units; `extra` holds more attributes (data-*).
    mutating func rect(x0: Double, x1: Double, y0: Double, y1: Double, fill: String, class name: String? = nil,
                       extra: String = "", title: String? = nil) {
        let a = px(min(x0, x1)), b = px(max(x0, x1)), c = py(max(y0, y1)), d = py(min(y0, y1))
        let open = "<rect\(Self.classAttribute(name)) x=\"\(Self.f(a))\" y=\"\(Self.f(c))\" width=\"\(Self.f(max(0.5, b - a)))\" height=\"\(Self.f(max(0, d - c)))\" fill=\"\(fill)\"\(extra)"
        if let title { body += open + "><title>\(Self.escape(title))</title></rect>" } else { body += open + "/>" }
    }

    /// Text at data coordinates, or at pixel coordinates with `pixel: true`.
    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "middle", size: Int = 12, pixel: Bool = false,
                       class name: String? = nil) {
        let (tx, ty) = pixel ? (x, y) : (px(x), py(y))
        body += "<text\(Self.classAttribute(name)) x=\"\(Self.f(tx))\" y=\"\(Self.f(ty))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\">\(Self.escape(s))</text>"
    }

    /// The two axis lines (with their data ranges), grid lines and tick labels, and the
    /// bilingual axis titles. `xLabels` are categorical labels at data x positions.
    mutating func axes(xLabel: String, yLabel: String, xTicks: [Double], yTicks: [Double],
                       xFormat: (Double) -> String = { String(format: "%.2f", $0) },
                       yFormat: (Double) -> String = { String(format: "%.2f", $0) },
                       xLabels: [(Double, String)] = []) {
        for t in xTicks {
            line(t, yRange.lowerBound, t, yRange.upperBound, stroke: "#e4e4e4", class: "grid")
            text(xFormat(t), x: px(t), y: height - bottom + 16, pixel: true, class: "tick")
        }
        for t in yTicks {
            line(xRange.lowerBound, t, xRange.upperBound, t, stroke: "#e4e4e4", class: "grid")
            text(yFormat(t), x: left - 6, y: py(t) + 4, anchor: "end", pixel: true, class: "tick")
        }
        for (x, label) in xLabels { text(label, x: px(x), y: height - bottom + 16, pixel: true, class: "tick") }
        line(xRange.lowerBound, yRange.lowerBound, xRange.upperBound, yRange.lowerBound, class: "axis-x",
             extra: " data-min=\"\(Self.value(xRange.lowerBound))\" data-max=\"\(Self.value(xRange.upperBound))\"")
        line(xRange.lowerBound, yRange.lowerBound, xRange.lowerBound, yRange.upperBound, class: "axis-y",
             extra: " data-min=\"\(Self.value(yRange.lowerBound))\" data-max=\"\(Self.value(yRange.upperBound))\"")
        text(xLabel, x: (left + width - right) / 2, y: height - 12, pixel: true, class: "axis-title")
        let middle = Self.f((top + height - bottom) / 2)
        body += "<text class=\"axis-title\" x=\"16\" y=\"\(middle)\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 16 \(middle))\">\(Self.escape(yLabel))</text>"
    }

    /// `label` is the chart's accessible name (bilingual).
    func svg(label: String) -> String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(Self.escape(label))\">\(body)</svg>"
    }
}
