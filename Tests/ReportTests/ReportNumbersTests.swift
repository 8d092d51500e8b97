import Domain
import Foundation
import Reports
import Statistics
import Testing

/// The numbers that go into the page and its charts, for a report built from R's German credit
/// fit (coefficients of german_credit_factors.r.json, fitted probabilities of
/// validation_scores.csv), against the peer references committed beside them: R (glm, pROC,
/// hoslem.test), scikit-learn, statsmodels (Wilson) and numpy (PSI). Drawn marks are mapped
/// back from pixels to data through the axis lines, so what is checked is what is drawn.
/// Tolerances: printed numbers to their printed precision; drawn positions to the two-decimal
/// rounding of pixel coordinates (`Axis.rounding`, about 1e-5 of an axis).
@Suite("Report numbers against R, scikit-learn, statsmodels")
struct ReportNumbersTests {
    let report: CalibrationReport
    let html: String
    let charts: [String: SVGDocument]

    init() throws {
        report = try ReportFixture.referenceReport()
        html = report.html
        charts = try SVGDocument.charts(in: html)
    }

    @Test("every chart is present, once, and well-formed")
    func chartsPresent() throws {
        #expect(Set(charts.keys) == Set(CalibrationReport.chartIDs(withBaseline: true)))
        for id in CalibrationReport.chartIDs(withBaseline: true) {
            #expect(html.components(separatedBy: "id=\"\(id)\"").count == 2, "\(id) once")
            let chart = try #require(charts[id])
            #expect(chart.all("line", class: "axis-x").count == 1, "\(id) x axis")
            #expect(chart.all("line", class: "axis-y").count == 1, "\(id) y axis")
            #expect(chart.all("text", class: "axis-title").count >= 2, "\(id) axis titles")
        }
    }

    /// Printed with 5 decimals (estimate, SE), 3 (z), 3 significant digits (p), and odds ratio
    /// and CI with 4 decimals in [0.1, 10] else 4 significant digits: each compared with R to
    /// half a unit of its last printed digit. The CI is
    /// R's `exp(confint.default())`, exp(estimate ± qnorm(0.975)·se), qnorm(0.975) written out.
    @Test("coefficient table: estimate, SE, z, p, odds ratio and Wald CI as R")
    func coefficientTable() throws {
        let rows = HTMLTable.rows("coefficients", in: html)
        let reference = try ReportFixture.referenceCoefficients()
        #expect(rows.count == reference.count)
        let q = 1.959963984540054
        for (row, r) in zip(rows, reference) {
            let term = r["term"] as! String, estimate = r["estimate"] as! Double, se = r["std_error"] as! Double
            #expect(row[0] == term)
            #expect(close(Double(row[1]), estimate, relative: 0, absolute: 0.5e-5 + 1e-12), "estimate \(term)")
            #expect(close(Double(row[2]), se, relative: 0, absolute: 0.5e-5 + 1e-12), "se \(term)")
            #expect(close(Double(row[3]), r["z_value"] as? Double, relative: 0, absolute: 0.5e-3 + 1e-12), "z \(term)")
            #expect(close(Double(row[4]), r["p_value"] as? Double, relative: 0.5e-2), "p \(term)")
            #expect(close(Double(row[5]), exp(estimate), relative: 0.5e-3, absolute: 0.5e-4 + 1e-12), "OR \(term)")
            let ci = row[6].split(separator: "–").map { Double($0)! }
            #expect(ci.count == 2)
            #expect(close(ci[0], exp(estimate - q * se), relative: 0.5e-3, absolute: 0.5e-4 + 1e-12), "OR lower \(term)")
            #expect(close(ci[1], exp(estimate + q * se), relative: 0.5e-3, absolute: 0.5e-4 + 1e-12), "OR upper \(term)")
        }
    }

    @Test("forest plot: one point and interval per coefficient at ln OR and its Wald CI, labels in order")
    func forest() throws {
        let chart = try #require(charts["chart-forest"])
        let reference = try ReportFixture.referenceCoefficients().filter { ($0["term"] as! String) != "(Intercept)" }
        let points = chart.all("circle", class: "point"), intervals = chart.all("line", class: "interval")
        let labels = chart.all("text", class: "label")
        #expect(points.count == reference.count)
        #expect(intervals.count == reference.count)
        #expect(labels.map(\.text) == reference.map { $0["term"] as! String })
        let x = try chart.xAxis(), y = try chart.yAxis()
        #expect(x.data0 > -log(100) - 1e-12 && x.data1 < log(100) + 1e-12)
        let q = 1.959963984540054
        for (k, (point, r)) in zip(points, reference).enumerated() {
            let estimate = r["estimate"] as! Double, se = r["std_error"] as! Double
            let interval = intervals[k]
            // Rows from the top: row k at y = count − k − ½.
            #expect(abs(y.data(point.number("cy")!) - (Double(reference.count - k) - 0.5)) <= y.rounding * 1.01)
            guard !point.classes.contains("clipped") else { continue }
            #expect(abs(x.data(point.number("cx")!) - estimate) <= x.rounding * 1.01, "point \(k)")
            #expect(abs(x.data(interval.number("x1")!) - (estimate - q * se)) <= x.rounding * 1.01 + 1e-12, "lower \(k)")
            #expect(abs(x.data(interval.number("x2")!) - (estimate + q * se)) <= x.rounding * 1.01 + 1e-12, "upper \(k)")
        }
        // German credit's widest interval (purpose "retraining", OR CI up to ~40) stays unclipped.
        #expect(points.filter { $0.classes.contains("clipped") }.isEmpty)
    }

    /// The drawn curve: one vertex per distinct threshold plus the origin, each at the (FPR,
    /// TPR) counted here by brute force from R's probabilities; its trapezoid area is
    /// scikit-learn's AUC up to the pixel rounding (≤ 2 roundings per vertex: 1e-4).
    @Test("ROC curve: vertices, AUC, DeLong CI, KS")
    func roc() throws {
        let validation = try Repository.json(ReportFixture.validation)
        let (y, p, _) = try ReportFixture.referenceScores()
        #expect(close(report.roc.auc, validation["auc"] as? Double, relative: 1e-12))
        let ci = validation["auc_delong_ci95"] as! [Double]
        #expect(close(report.roc.delongInterval().lowerBound, ci[0], relative: 1e-9))
        #expect(close(report.roc.delongInterval().upperBound, ci[1], relative: 1e-9))
        #expect(close(report.roc.ks.statistic, validation["ks"] as? Double, relative: 1e-12))
        let metrics = HTMLTable.rows("metrics", in: html)[0]
        #expect(metrics[0] == "1000" && metrics[1] == "300")
        #expect(metrics[2] == String(format: "%.4f", validation["auc"] as! Double))
        #expect(metrics[3] == String(format: "%.4f–%.4f", ci[0], ci[1]))

        let chart = try #require(charts["chart-roc"])
        let curve = SVGDocument.points(try chart.one("polyline", class: "curve"))
        let thresholds = Array(Set(p)).sorted(by: >)
        #expect(curve.count == thresholds.count + 1)
        let x = try chart.xAxis(), yAxis = try chart.yAxis()
        #expect(x.data0 == 0 && x.data1 == 1 && yAxis.data0 == 0 && yAxis.data1 == 1)
        let events = Double(y.filter { $0 == 1 }.count), nonEvents = Double(y.count) - events
        var expected: [(Double, Double)] = [(0, 0)]
        for t in thresholds {
            let tp = zip(p, y).filter { $0.0 >= t && $0.1 == 1 }.count, fp = zip(p, y).filter { $0.0 >= t && $0.1 == 0 }.count
            expected.append((Double(fp) / nonEvents, Double(tp) / events))
        }
        for (vertex, e) in zip(curve, expected) {
            #expect(abs(x.data(vertex.0) - e.0) <= x.rounding * 1.01 && abs(yAxis.data(vertex.1) - e.1) <= yAxis.rounding * 1.01)
        }
        var area = 0.0
        for k in 1..<curve.count {
            area += (x.data(curve[k].0) - x.data(curve[k - 1].0)) * (yAxis.data(curve[k].1) + yAxis.data(curve[k - 1].1)) / 2
        }
        #expect(close(area, validation["auc"] as? Double, relative: 0, absolute: 1e-4))
        #expect(try chart.one("text", class: "auc").text == "AUC = \(String(format: "%.4f", validation["auc"] as! Double))")
    }

    @Test("calibration plot and decile table: hoslem.test bins, statsmodels Wilson intervals")
    func calibration() throws {
        let validation = try Repository.json(ReportFixture.validation)
        let hl = validation["hosmer_lemeshow"] as! [String: Any]
        let bins = hl["bins"] as! [[String: Any]]
        let wilson = try Repository.json("Datasets/german_credit/reference/calibration_wilson.json")["bins"] as! [[String: Any]]
        #expect(close(report.calibration.statistic, hl["statistic"] as? Double, relative: 1e-10))
        let chart = try #require(charts["chart-calibration"])
        let points = chart.all("circle", class: "point"), intervals = chart.all("line", class: "interval")
        #expect(points.count == bins.count && intervals.count == bins.count)
        let x = try chart.xAxis(), y = try chart.yAxis()
        #expect(x.data0 == 0 && y.data0 == 0 && x.data1 == y.data1)  // same scale: the diagonal is 45°
        for (k, (point, b)) in zip(points, bins).enumerated() {
            #expect(abs(x.data(point.number("cx")!) - (b["mean_p"] as! Double)) <= x.rounding * 1.01, "bin \(k) mean p")
            #expect(abs(y.data(point.number("cy")!) - (b["observed_rate"] as! Double)) <= y.rounding * 1.01, "bin \(k) rate")
            let line = intervals[k]
            #expect(abs(y.data(line.number("y1")!) - (wilson[k]["wilson_lower"] as! Double)) <= y.rounding * 1.01, "bin \(k) lower")
            #expect(abs(y.data(line.number("y2")!) - (wilson[k]["wilson_upper"] as! Double)) <= y.rounding * 1.01, "bin \(k) upper")
        }
        let rows = HTMLTable.rows("deciles", in: html)
        #expect(rows.count == bins.count)
        for (row, b) in zip(rows, bins) {
            #expect(Int(row[2]) == b["n"] as? Int)
            #expect(Double(row[3]) == Double(b["observed_events"] as! Int))
            #expect(close(Double(row[4]), b["expected_events"] as? Double, relative: 0, absolute: 0.005 + 1e-12))
            #expect(close(Double(row[5]), b["mean_p"] as? Double, relative: 0, absolute: 0.5e-4 + 1e-12))
        }
    }

    /// Counted here from R's probabilities with DOMAIN.md's cuts (A < 0.02 ≤ B < 0.05 ≤ C <
    /// 0.15 ≤ D); bars stack A…D per histogram bin, so a bar's top is its bin's running count.
    @Test("score distribution: bars per tier sum to the tier counts and stack correctly")
    func distribution() throws {
        let (_, p, _) = try ReportFixture.referenceScores()
        func tier(_ v: Double) -> String { v < 0.02 ? "A" : v < 0.05 ? "B" : v < 0.15 ? "C" : "D" }
        let chart = try #require(charts["chart-distribution"])
        let bars = chart.all("rect", class: "bar")
        for t in ["A", "B", "C", "D"] {
            let drawn = bars.filter { $0.attributes["data-tier"] == t }.map { Int($0.attributes["data-count"]!)! }.reduce(0, +)
            #expect(drawn == p.filter { tier($0) == t }.count, "tier \(t)")
            #expect(drawn > 0)
        }
        let y = try chart.yAxis(), x = try chart.xAxis()
        #expect(close(x.data1, p.max()!, relative: 1e-15))
        // Group by bin (same x), check the stack from the bottom.
        let byBin = Dictionary(grouping: bars) { $0.attributes["x"]! }
        #expect(byBin.count <= 40)
        for (_, stack) in byBin {
            var running = 0.0
            for bar in stack {  // drawn A first, i.e. bottom first
                running += Double(bar.attributes["data-count"]!)!
                #expect(abs(y.data(bar.number("y")!) - running) <= y.rounding * 1.01)
                #expect(abs(y.data(bar.number("y")! + bar.number("height")!) - (running - Double(bar.attributes["data-count"]!)!)) <= 2 * y.rounding * 1.01)
            }
        }
        #expect(chart.all("line", class: "cut").count == 3)
    }

    @Test("lift and capture by tier: lift bars and cumulative capture from D")
    func lift() throws {
        let (yv, p, _) = try ReportFixture.referenceScores()
        func tier(_ v: Double) -> String { v < 0.02 ? "A" : v < 0.05 ? "B" : v < 0.15 ? "C" : "D" }
        let overall = yv.reduce(0, +) / Double(yv.count)
        let chart = try #require(charts["chart-lift"])
        let bars = chart.all("rect", class: "bar")
        #expect(bars.map { $0.attributes["data-tier"]! } == ["D", "C", "B", "A"])
        let y = try chart.yAxis(), capture = try chart.yAxis("axis-y2")
        var cumulative = 0.0
        let points = chart.all("circle", class: "point")
        #expect(points.count == 4)
        for (k, t) in ["D", "C", "B", "A"].enumerated() {
            let rows = zip(p, yv).filter { tier($0.0) == t }
            let events = rows.map(\.1).reduce(0, +)
            let lift = events / Double(rows.count) / overall
            #expect(close(Double(bars[k].attributes["data-lift"]!), lift, relative: 1e-14), "lift \(t)")
            #expect(abs(y.data(bars[k].number("y")!) - lift) <= y.rounding * 1.01, "bar \(t)")
            cumulative += events / yv.reduce(0, +)
            #expect(abs(capture.data(points[k].number("cy")!) - cumulative) <= capture.rounding * 1.01, "capture \(t)")
        }
        #expect(abs(cumulative - 1) < 1e-12)
        let table = HTMLTable.rows("tiers", in: html)
        #expect(table.map { Int($0[2])! } == ["A", "B", "C", "D"].map { t in p.filter { tier($0) == t }.count })
    }

    @Test("PSI against the baseline: numpy's value and shares")
    func psi() throws {
        let reference = try Repository.json(ReportFixture.validation)["psi"] as! [String: Any]
        let psi = try #require(report.psi)
        #expect(close(psi.value, reference["value"] as? Double, relative: 1e-12))
        #expect(html.contains("PSI = \(String(format: "%.4f", reference["value"] as! Double))"))
        let chart = try #require(charts["chart-psi"])
        let baseline = chart.all("rect", class: "baseline"), current = chart.all("rect", class: "current")
        let expected = reference["expected_share"] as! [Double], actual = reference["actual_share"] as! [Double]
        #expect(baseline.count == 10 && current.count == 10)
        let y = try chart.yAxis()
        for k in 0..<10 {
            #expect(close(Double(baseline[k].attributes["data-share"]!), expected[k], relative: 1e-12))
            #expect(close(Double(current[k].attributes["data-share"]!), actual[k], relative: 1e-12))
            #expect(abs(y.data(current[k].number("y")!) - actual[k]) <= y.rounding * 1.01)
            #expect(abs(y.data(baseline[k].number("y")!) - expected[k]) <= y.rounding * 1.01)
        }
    }
}
