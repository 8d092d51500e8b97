// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Foundation

/// Minimal inline-SVG drawing helpers: a plot area with linear axes mapped to pixels. Text is
/// escaped; numbers are printed with fixed decimals so the output is byte-stable.
struct SVGChart {
    let id: String
    let width: Double
    let height: Double
    let left = 70.0, right = 20.0, top = 30.0, bottom = 50.0
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>
    var body = ""

    init(id: String, width: Double = 520, height: Double = 360, x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.id = id
        self.width = width
        self.height = height
        self.xRange = x
        self.yRange = y
    }

    func px(_ x: Double) -> Double {
        left + (x - xRange.lowerBound) / max(1e-300, xRange.upperBound - xRange.lowerBound) * (width - left - right)
    }

    func py(_ y: Double) -> Double {
        height - bottom - (y - yRange.lowerBound) / max(1e-300, yRange.upperBound - yRange.lowerBound) * (height - top - bottom)
    }

    static func f(_ v: Double) -> String { String(format: "%.2f", v) }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String = "#333", width w: Double = 1, dash: Bool = false) {
        body += "<line x1=\"\(Self.f(px(x1)))\" y1=\"\(Self.f(py(y1)))\" x2=\"\(Self.f(px(x2)))\" y2=\"\(Self.f(py(y2)))\" stroke=\"\(stroke)\" stroke-width=\"\(w)\"\(dash ? " stroke-dasharray=\"4 3\"" : "")/>"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width w: Double = 2) {
        let text = points.map { "\(Self.f(px($0.0))),\(Self.f(py($0.1)))" }.joined(separator: " ")
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(w)\" points=\"\(text)\"/>"
    }

    mutating func circle(_ x: Double, _ y: Double, r: Double = 4, fill: String) {
        body += "<circle cx=\"\(Self.f(px(x)))\" cy=\"\(Self.f(py(y)))\" r=\"\(r)\" fill=\"\(fill)\"/>"
    }

    mutating func rect(x0: Double, x1: Double, y0: Double, y1: Double, fill: String) {
        let a = px(min(x0, x1)), b = px(max(x0, x1)), c = py(max(y0, y1)), d = py(min(y0, y1))
        body += "<rect x=\"\(Self.f(a))\" y=\"\(Self.f(c))\" width=\"\(Self.f(max(0.5, b - a)))\" height=\"\(Self.f(max(0, d - c)))\" fill=\"\(fill)\"/>"
    }

    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "middle", size: Int = 12, pixel: Bool = false) {
        let (tx, ty) = pixel ? (x, y) : (px(x), py(y))
        body += "<text x=\"\(Self.f(tx))\" y=\"\(Self.f(ty))\" text-anchor=\"\(anchor)\" font-size=\"\(size)\">\(Self.escape(s))</text>"
    }

    /// Axes with ticks and bilingual labels.
    mutating func axes(xLabel: String, yLabel: String, xTicks: [Double], yTicks: [Double], xFormat: (Double) -> String = { String(format: "%.2f", $0) }, yFormat: (Double) -> String = { String(format: "%.2f", $0) }) {
        line(xRange.lowerBound, yRange.lowerBound, xRange.upperBound, yRange.lowerBound)
        line(xRange.lowerBound, yRange.lowerBound, xRange.lowerBound, yRange.upperBound)
        for t in xTicks {
            line(t, yRange.lowerBound, t, yRange.upperBound, stroke: "#ddd")
            text(xFormat(t), x: px(t), y: height - bottom + 16, pixel: true)
        }
        for t in yTicks {
            line(xRange.lowerBound, t, xRange.upperBound, t, stroke: "#ddd")
            text(yFormat(t), x: left - 6, y: py(t) + 4, anchor: "end", pixel: true)
        }
        text(xLabel, x: (left + width - right) / 2, y: height - 10, pixel: true)
        body += "<text x=\"14\" y=\"\(Self.f((top + height - bottom) / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 \(Self.f((top + height - bottom) / 2)))\">\(Self.escape(yLabel))</text>"
    }

    var svg: String {
        "<svg id=\"\(id)\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">\(body)</svg>"
    }
}
