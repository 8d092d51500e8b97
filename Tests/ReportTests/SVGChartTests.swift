@testable import Reports
import Testing

@Suite("SVG drawing helpers")
struct SVGChartTests {
    @Test("escaping covers every character with meaning in HTML text and attributes")
    func escape() {
        #expect(SVGChart.escape("a<&>\"'b 中文") == "a&lt;&amp;&gt;&quot;&#39;b 中文")
        #expect(SVGChart.escape("&amp;") == "&amp;amp;")
    }

    @Test("coordinates: the plot area's corners, two decimals, no negative zero")
    func mapping() {
        let c = SVGChart(id: "t", width: 500, height: 400, x: 0...10, y: -1...1, left: 50, right: 50, top: 20, bottom: 80)
        #expect(c.px(0) == 50 && c.px(10) == 450 && c.px(5) == 250)
        #expect(c.py(-1) == 320 && c.py(1) == 20 && c.py(0) == 170)
        #expect(SVGChart.f(-0.001) == "0.00" && SVGChart.f(1.005) == "1.00" && SVGChart.f(2.5) == "2.50")
    }

    /// Steps 1, 2, 2.5, 5 × 10^k, at most `count` of them, end a whole number of steps ≥ top.
    @Test("nice axes", arguments: [(0.96, 5, 1.0, 0.2), (0.5, 5, 0.5, 0.1), (0.51, 5, 0.6, 0.2), (88.0, 5, 100.0, 20.0),
                                   (1.49 * 1.12, 4, 2.0, 0.5), (0.0242, 4, 0.03, 0.01), (7.0, 5, 8.0, 2.0)])
    func nice(_ top: Double, _ count: Int, _ end: Double, _ step: Double) {
        let axis = SVGChart.niceAxis(top, count: count)
        #expect(abs(axis.end - end) < 1e-12 && abs(axis.step - step) < 1e-12, "\(top): \(axis)")
        #expect(axis.end >= top && axis.end / axis.step <= Double(count) + 1e-9)
    }
}
