import Domain
import Foundation
import Statistics

extension CalibrationReport {
    /// The forest plot's axis limits in log odds: intervals beyond OR 1/100 or 100 are clipped
    /// (marked `clipped`), so one huge interval (quasi-separation) does not flatten the rest.
    static let forestLimit = log(100.0)

    /// Labels longer than this many characters are cut (the full name is in the point's
    /// tooltip and in the coefficient table).
    static let forestLabelLimit = 120

    /// Non-intercept, non-aliased coefficients with a finite standard error, in model order.
    var forestTerms: [Coefficient] {
        terms.filter { $0.term != "(Intercept)" && $0.estimate?.isFinite == true && $0.standardError?.isFinite == true }
    }

    /// One row per coefficient: the point at ln OR, the line over the 95% Wald interval of ln OR;
    /// the x axis is in ln OR with ticks labelled as odds ratios (a log scale).
    var forestPlot: String {
        let rows = forestTerms
        let intervals = rows.map { ($0, $0.confidenceInterval()!) }
        var lo = min(-log(2.0), intervals.map(\.1.lowerBound).min() ?? 0), hi = max(log(2.0), intervals.map(\.1.upperBound).max() ?? 0)
        lo = max(-Self.forestLimit, lo - 0.05 * (hi - lo))
        hi = min(Self.forestLimit, hi + 0.05 * (hi - lo))
        let longest = rows.map { min(Self.forestLabelLimit, $0.term.count) }.max() ?? 10
        let labelWidth = max(140, Double(longest) * 6.3 + 20)
        let rowHeight = 18.0
        let count = Double(max(1, rows.count))
        var c = SVGChart(id: "chart-forest", width: labelWidth + 560, height: count * rowHeight + 80, x: lo...hi, y: 0...count,
                         left: labelWidth, right: 30)
        let ticks = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100].map { log($0) }.filter { $0 >= lo && $0 <= hi }
        c.axes(xLabel: "比值比 Odds ratio (对数刻度 log scale; 95% Wald CI)", yLabel: "", xTicks: ticks, yTicks: [],
               xFormat: { Self.sig(exp($0), 2) })
        c.line(0, 0, 0, count, stroke: "#777", dash: true, class: "reference")
        if rows.isEmpty { c.text("无系数 No coefficients", x: (lo + hi) / 2, y: 0.5) }
        for (k, (term, ci)) in intervals.enumerated() {
            let y = count - Double(k) - 0.5
            let estimate = term.estimate!
            let clipped = ci.lowerBound < lo || ci.upperBound > hi || estimate < lo || estimate > hi
            c.line(max(lo, ci.lowerBound), y, min(hi, ci.upperBound), y, stroke: clipped ? "#90a4ae" : "#1565c0", width: 2,
                   class: clipped ? "interval clipped" : "interval")
            let or = exp(estimate), orCI = (exp(ci.lowerBound), exp(ci.upperBound))
            c.circle(min(hi, max(lo, estimate)), y, r: 3.5, fill: "#0d47a1", class: clipped ? "point clipped" : "point",
                     title: "\(term.term): OR \(Self.sig(or)) (\(Self.sig(orCI.0))–\(Self.sig(orCI.1)))")
            let name = term.term.count > Self.forestLabelLimit ? String(term.term.prefix(Self.forestLabelLimit - 1)) + "…" : term.term
            c.text(name, x: labelWidth - 8, y: c.py(y) + 4, anchor: "end", size: 11, pixel: true, class: "label")
        }
        return c.svg(label: "比值比森林图 Odds-ratio forest plot")
    }

    /// The ROC curve through every threshold (`roc.points`), the chance diagonal, and the KS
    /// distance drawn at its threshold.
    var rocChart: String {
        var c = SVGChart(id: "chart-roc", width: 480, height: 440, x: 0...1, y: 0...1)
        let ticks = stride(from: 0.0, through: 1.0, by: 0.2).map { $0 }
        c.axes(xLabel: "假阳性率 False positive rate (1 − 特异度 specificity)", yLabel: "真阳性率 True positive rate (灵敏度 sensitivity)",
               xTicks: ticks, yTicks: ticks, xFormat: { Self.fmt($0, 1) }, yFormat: { Self.fmt($0, 1) })
        c.line(0, 0, 1, 1, stroke: "#999", dash: true, class: "reference")
        c.polyline(roc.points.map { ($0.falsePositiveRate, $0.truePositiveRate) }, stroke: "#1565c0", class: "curve")
        if let ks = roc.points.first(where: { $0.threshold == roc.ks.threshold }) {
            c.line(ks.falsePositiveRate, ks.falsePositiveRate, ks.falsePositiveRate, ks.truePositiveRate, stroke: "#c62828", width: 1.5,
                   class: "ks")
            c.text("KS \(Self.fmt(roc.ks.statistic, 3))", x: ks.falsePositiveRate + 0.02, y: (ks.falsePositiveRate + ks.truePositiveRate) / 2,
                   anchor: "start", size: 11)
        }
        let ci = roc.delongInterval()
        c.text("AUC = \(Self.fmt(roc.auc))", x: 0.97, y: 0.14, anchor: "end", size: 13, class: "auc")
        c.text("95% CI (DeLong) \(Self.fmt(ci.lowerBound, 3))–\(Self.fmt(ci.upperBound, 3))", x: 0.97, y: 0.07, anchor: "end", size: 11)
        return c.svg(label: "ROC 曲线 ROC curve")
    }

    /// Mean predicted probability vs observed rate per decile bin, Wilson 95% interval as a
    /// vertical line, the diagonal of perfect calibration.
    var calibrationChart: String {
        let bins = calibration.table.bins
        let axis = SVGChart.niceAxis(min(1, max(0.05, bins.map { max($0.meanProbability, $0.observedRateInterval.upperBound) }.max() ?? 1)))
        let top = min(1, axis.end)
        var c = SVGChart(id: "chart-calibration", width: 480, height: 440, x: 0...top, y: 0...top)
        let ticks = SVGChart.ticks(end: top, step: axis.step)
        c.axes(xLabel: "平均预测概率 Mean predicted probability", yLabel: "观测事件率 Observed event rate", xTicks: ticks, yTicks: ticks,
               xFormat: { Self.sig($0, 3) }, yFormat: { Self.sig($0, 3) })
        c.line(0, 0, top, top, stroke: "#999", dash: true, class: "reference")
        for (k, b) in bins.enumerated() {
            c.line(b.meanProbability, b.observedRateInterval.lowerBound, b.meanProbability, b.observedRateInterval.upperBound,
                   stroke: "#c62828", class: "interval")
            c.circle(b.meanProbability, b.observedRate, fill: "#c62828", class: "point",
                     title: "第 \(k + 1) 组 bin \(k + 1): n = \(b.count), p̂ = \(Self.fmt(b.meanProbability)), observed \(Self.fmt(b.observedRate))")
        }
        return c.svg(label: "校准图 Calibration plot")
    }

    /// Histogram of p over 40 equal bins of [0, max p], stacked by tier (A at the bottom);
    /// every bar carries its tier and count. Dashed lines at the cut points.
    var distributionChart: String {
        let maxP = max(1e-6, probabilities.max() ?? 1)
        let binCount = 40
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 4), count: binCount)
        for p in probabilities {
            let k = min(binCount - 1, Int(p / maxP * Double(binCount)))
            counts[k][cutPoints.tier(for: p).rank] += 1
        }
        let peak = Double(max(1, counts.map { $0.reduce(0, +) }.max() ?? 1))
        let yAxis = SVGChart.niceAxis(max(5, peak * 1.12))
        let yTop = yAxis.end
        let xAxis = SVGChart.niceAxis(maxP, count: 8)
        var c = SVGChart(id: "chart-distribution", width: 760, height: 380, x: 0...maxP, y: 0...yTop)
        c.axes(xLabel: "预测概率 Predicted probability", yLabel: "数量 Count",
               xTicks: SVGChart.ticks(end: xAxis.end, step: xAxis.step).filter { $0 <= maxP },
               yTicks: SVGChart.ticks(end: yTop, step: yAxis.step), xFormat: { Self.sig($0, 3) }, yFormat: { Self.sig($0, 4) })
        for k in 0..<binCount {
            var base = 0.0
            let x0 = Double(k) * maxP / Double(binCount), x1 = Double(k + 1) * maxP / Double(binCount)
            for tier in Tier.allCases {
                let n = counts[k][tier.rank]
                if n > 0 {
                    c.rect(x0: x0, x1: x1, y0: base, y1: base + Double(n), fill: Self.tierColors[tier]!, class: "bar",
                           extra: " data-tier=\"\(tier.rawValue)\" data-count=\"\(n)\"",
                           title: "\(tier.rawValue): \(n) (p \(Self.fmt(x0, 3))–\(Self.fmt(x1, 3)))")
                }
                base += Double(n)
            }
        }
        // Labels at three heights: neighbouring cuts can be a few pixels apart.
        for (k, (cut, label)) in [(cutPoints.b, "A|B"), (cutPoints.c, "B|C"), (cutPoints.d, "C|D")].enumerated() where cut <= maxP {
            c.line(cut, 0, cut, yTop, stroke: "#000", dash: true, class: "cut")
            c.text(label, x: cut, y: yTop * (0.95 - 0.07 * Double(k)), anchor: "start", size: 11)
        }
        for tier in Tier.allCases {
            let x = c.width - 420 + Double(tier.rank) * 100
            c.body += "<rect class=\"legend\" x=\"\(SVGChart.f(x))\" y=\"10\" width=\"12\" height=\"12\" fill=\"\(Self.tierColors[tier]!)\"/>"
            c.text("\(tier.rawValue) \(tier.chineseName)", x: x + 16, y: 21, anchor: "start", size: 11, pixel: true)
        }
        return c.svg(label: "各等级评分分布 Score distribution by tier")
    }

    /// Tiers from the riskiest (D) to A: a bar of lift (left axis) per non-empty tier and the
    /// cumulative share of events captured (right axis, 0–100%) as a line with points.
    var liftChart: String {
        let order = Tier.allCases.reversed().map { tier in tiers.rows.first { $0.tier == tier }! }
        let peak = max(1, order.map { $0.lift.isFinite ? $0.lift : 0 }.max() ?? 1)
        let liftAxis = SVGChart.niceAxis(peak * 1.12, count: 4)
        let yTop = liftAxis.end
        var c = SVGChart(id: "chart-lift", width: 600, height: 380, x: 0...4, y: 0...yTop, right: 70)
        c.axes(xLabel: "等级 Tier（柱：提升 bars: lift；线：累计捕获 line: cumulative capture）", yLabel: "提升 Lift",
               xTicks: [], yTicks: SVGChart.ticks(end: yTop, step: liftAxis.step), yFormat: { Self.sig($0, 3) },
               xLabels: order.enumerated().map { (Double($0.offset) + 0.5, "\($0.element.tier.rawValue) \($0.element.tier.chineseName)") })
        c.line(0, 1, 4, 1, stroke: "#555", dash: true, class: "reference")
        for (k, r) in order.enumerated() where r.count > 0 {
            let x = Double(k)
            c.rect(x0: x + 0.2, x1: x + 0.8, y0: 0, y1: r.lift, fill: Self.tierColors[r.tier]!, class: "bar",
                   extra: " data-tier=\"\(r.tier.rawValue)\" data-lift=\"\(SVGChart.value(r.lift))\"")
            c.text(Self.fmt(r.lift, 2), x: x + 0.5, y: r.lift, size: 11)
        }
        // Capture on its own scale, 0...1 over the same plot area.
        var capture = SVGChart(id: "chart-lift", width: 600, height: 380, x: 0...4, y: 0...1, right: 70)
        capture.line(4, 0, 4, 1, class: "axis-y2", extra: " data-min=\"0.0\" data-max=\"1.0\"")
        for t in stride(from: 0.0, through: 1.0, by: 0.25) {
            capture.text("\(Int(t * 100))%", x: capture.px(4) + 6, y: capture.py(t) + 4, anchor: "start", pixel: true, class: "tick")
        }
        capture.body += "<text class=\"axis-title\" x=\"\(SVGChart.f(c.width - 14))\" y=\"\(SVGChart.f(c.height / 2))\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(90 \(SVGChart.f(c.width - 14)) \(SVGChart.f(c.height / 2)))\">累计捕获 Cumulative capture</text>"
        var cumulative = 0.0
        var points: [(Double, Double)] = [(0, 0)]
        for (k, r) in order.enumerated() {
            cumulative += r.capture.isFinite ? r.capture : 0
            points.append((Double(k + 1), cumulative))
        }
        capture.polyline(points, stroke: "#283593", class: "curve")
        for (k, point) in points.enumerated().dropFirst() {
            capture.circle(point.0, point.1, r: 3.5, fill: "#283593", class: "point",
                           title: "\(order[k - 1].tier.rawValue): 累计捕获 cumulative capture \(Self.fmt(point.1 * 100, 1))%")
        }
        c.body += capture.body
        return c.svg(label: "提升与捕获 Lift and capture by tier")
    }

    /// Baseline and current shares per baseline decile, side by side.
    var psiChart: String {
        guard let psi else { return "" }
        let groups = psi.baselineShares.count
        let axis = SVGChart.niceAxis(max(0.01, (psi.baselineShares + psi.currentShares).max() ?? 0) * 1.12, count: 4)
        let peak = axis.end
        var c = SVGChart(id: "chart-psi", width: 640, height: 360, x: 0...Double(groups), y: 0...peak)
        c.axes(xLabel: "基准分组（十分位）Baseline decile bin", yLabel: "占比 Share", xTicks: [], yTicks: SVGChart.ticks(end: peak, step: axis.step), yFormat: { Self.sig($0, 3) },
               xLabels: (0..<groups).map { (Double($0) + 0.5, "\($0 + 1)") })
        for k in 0..<groups {
            c.rect(x0: Double(k) + 0.1, x1: Double(k) + 0.48, y0: 0, y1: psi.baselineShares[k], fill: "#9e9e9e", class: "bar baseline",
                   extra: " data-share=\"\(SVGChart.value(psi.baselineShares[k]))\"")
            c.rect(x0: Double(k) + 0.52, x1: Double(k) + 0.9, y0: 0, y1: psi.currentShares[k], fill: "#1565c0", class: "bar current",
                   extra: " data-share=\"\(SVGChart.value(psi.currentShares[k]))\"")
        }
        let x = c.width - 230
        c.body += "<rect class=\"legend\" x=\"\(SVGChart.f(x))\" y=\"10\" width=\"12\" height=\"12\" fill=\"#9e9e9e\"/><rect class=\"legend\" x=\"\(SVGChart.f(x + 100))\" y=\"10\" width=\"12\" height=\"12\" fill=\"#1565c0\"/>"
        c.text("基准 baseline", x: x + 16, y: 21, anchor: "start", size: 11, pixel: true)
        c.text("当前 current", x: x + 116, y: 21, anchor: "start", size: 11, pixel: true)
        return c.svg(label: "群体稳定性指数 Population stability index")
    }
}
