// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Domain
import Foundation
import Statistics

/// The calibration report: one self-contained HTML page (inline SVG, no JavaScript, no
/// network), labels in Chinese and English: fit summary, odds-ratio forest plot, ROC with AUC
/// and DeLong CI, calibration by decile with Wilson CIs, score distribution per tier, lift and
/// capture by tier, and PSI against a baseline when one is given.
public struct CalibrationReport: Sendable {
    /// One coefficient for the forest plot.
    public struct Term: Sendable {
        public let name: String
        public let estimate: Double?
        public let standardError: Double?
        public init(name: String, estimate: Double?, standardError: Double?) {
            self.name = name
            self.estimate = estimate
            self.standardError = standardError
        }
    }

    public let title: String
    public let summaryText: String
    public let terms: [Term]
    public let probabilities: [Double]
    public let outcomes: [Double]
    public let cutPoints: TierCutPoints
    public let baseline: [Double]?

    public let roc: ReceiverOperatingCharacteristic
    public let calibration: HosmerLemeshowTest
    public let tiers: TierTable
    public let psi: PopulationStabilityIndex?
    public let brier: Double
    public let logLoss: Double

    public init(title: String, summaryText: String, terms: [Term], probabilities: [Double], outcomes: [Double],
                cutPoints: TierCutPoints, baseline: [Double]? = nil) throws(ReportError) {
        self.title = title
        self.summaryText = summaryText
        self.terms = terms
        self.probabilities = probabilities
        self.outcomes = outcomes
        self.cutPoints = cutPoints
        self.baseline = baseline
        do {
            roc = try ReceiverOperatingCharacteristic(scores: probabilities, outcomes: outcomes)
            calibration = try HosmerLemeshowTest(probabilities: probabilities, outcomes: outcomes)
            psi = try baseline.map { (b: [Double]) throws(StatisticsError) -> PopulationStabilityIndex in
                try PopulationStabilityIndex(baseline: b, current: probabilities)
            }
            brier = try ProbabilityScore.brier(probabilities: probabilities, outcomes: outcomes)
            logLoss = try ProbabilityScore.logLoss(probabilities: probabilities, outcomes: outcomes)
        } catch {
            throw .statistics(error.description)
        }
        tiers = try TierTable(probabilities: probabilities, outcomes: outcomes, cutPoints: cutPoints)
    }

    static let tierColors: [Tier: String] = [.a: "#2e7d32", .b: "#9e9d24", .c: "#ef6c00", .d: "#c62828"]

    static func fmt(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "NA" }

    /// The whole page.
    public var html: String {
        var h = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>\(SVGChart.escape(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1100px}
        h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}
        pre{background:#f6f6f6;padding:10px;font-size:12px;overflow-x:auto}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        th{background:#f0f0f0}.warn{color:#b71c1c;font-weight:bold}svg{background:#fff;border:1px solid #eee}
        </style></head>
        <body>
        <h1>模型校准报告 Calibration report — \(SVGChart.escape(title))</h1>
        <p>样本量 Rows: \(probabilities.count) · 事件数 Events: \(Int(outcomes.reduce(0, +))) ·
        AUC \(Self.fmt(roc.auc)) (DeLong 95% CI \(Self.fmt(roc.delongInterval().lowerBound))–\(Self.fmt(roc.delongInterval().upperBound))) ·
        Gini \(Self.fmt(roc.gini)) · KS \(Self.fmt(roc.ks.statistic)) · Brier \(Self.fmt(brier)) · 对数损失 Log-loss \(Self.fmt(logLoss)) ·
        Hosmer–Lemeshow χ² = \(Self.fmt(calibration.statistic, 3)), df = \(calibration.degreesOfFreedom), p = \(Self.fmt(calibration.pValue))</p>

        """
        h += "<h2>拟合摘要 Fit summary</h2>\n<pre>\(SVGChart.escape(summaryText))</pre>\n"
        h += "<h2>比值比森林图 Odds-ratio forest plot (95% Wald CI)</h2>\n" + forestPlot + "\n"
        h += "<h2>ROC 曲线 ROC curve</h2>\n" + rocChart + "\n"
        h += "<h2>校准图（按十分位）Calibration by decile (Wilson 95% CI)</h2>\n" + calibrationChart + "\n"
        h += "<p>注 Note: Hosmer–Lemeshow 的结果取决于分组方式（十分位，结值合并分组）。The Hosmer–Lemeshow statistic depends on the binning (deciles of p; tied quantiles merge bins).</p>\n"
        h += "<h2>各等级评分分布 Score distribution by tier</h2>\n" + distributionChart + "\n"
        h += "<h2>分级表 Tier table</h2>\n" + tierTableHTML + "\n"
        h += "<h2>提升与捕获 Lift and capture by tier</h2>\n" + liftChart + "\n"
        if let psi {
            h += "<h2>群体稳定性指数 Population stability index (PSI)</h2>\n"
            h += "<p>PSI = \(psi.value.map { Self.fmt($0) } ?? "NA (empty bin 空分组)") — &lt; 0.1 稳定 stable; 0.1–0.25 轻微变化 some shift; &gt; 0.25 显著变化 shift.</p>\n" + psiChart + "\n"
        }
        h += "</body>\n</html>\n"
        return h
    }

    var forestPlot: String {
        let rows = terms.filter { $0.name != "(Intercept)" && $0.estimate != nil && $0.standardError != nil }
        let z = NormalDistribution.quantile(0.975)
        let intervals = rows.map { ($0.name, $0.estimate!, $0.estimate! - z * $0.standardError!, $0.estimate! + z * $0.standardError!) }
        let lo = min(-1, intervals.map { max(-10, $0.2) }.min() ?? -1), hi = max(1, intervals.map { min(10, $0.3) }.max() ?? 1)
        let rowHeight = 18.0
        let height = Double(max(1, rows.count)) * rowHeight + 80
        var chart = SVGChart(id: "chart-forest", width: 900, height: height, x: lo...hi, y: 0...Double(max(1, rows.count)))
        let labelWidth = 300.0
        chart = SVGChart(id: "chart-forest", width: 900 + labelWidth, height: height, x: lo...hi, y: 0...Double(max(1, rows.count)))
        var body = chart
        body.body = ""
        // Shift the plot area right by the label column.
        var inner = SVGChart(id: "chart-forest", width: 900, height: height, x: lo...hi, y: 0...Double(max(1, rows.count)))
        let ticks = stride(from: lo.rounded(.up), through: hi.rounded(.down), by: max(1, ((hi - lo) / 8).rounded(.up))).map { $0 }
        inner.axes(xLabel: "log 比值比 log odds ratio (比值比 OR = e^x)", yLabel: "", xTicks: ticks, yTicks: [],
                   xFormat: { String(format: "%.0f (OR %.2g)", $0, exp($0)) })
        inner.line(0, 0, 0, Double(rows.count), stroke: "#888", dash: true)
        for (k, r) in intervals.enumerated() {
            let y = Double(rows.count - k) - 0.5
            inner.line(max(lo, r.2), y, min(hi, r.3), y, stroke: "#1565c0", width: 2)
            inner.circle(min(hi, max(lo, r.1)), y, r: 3.5, fill: "#0d47a1")
            body.text(String(r.0.prefix(48)), x: labelWidth - 6, y: inner.py(y) + 4, anchor: "end", size: 11, pixel: true)
        }
        body.body += "<g transform=\"translate(\(labelWidth - 60),0)\">\(inner.body)</g>"
        return body.svg
    }

    var rocChart: String {
        var c = SVGChart(id: "chart-roc", width: 460, height: 420, x: 0...1, y: 0...1)
        let ticks = stride(from: 0.0, through: 1.0, by: 0.2).map { $0 }
        c.axes(xLabel: "假阳性率 False positive rate", yLabel: "真阳性率 True positive rate", xTicks: ticks, yTicks: ticks)
        c.line(0, 0, 1, 1, stroke: "#999", dash: true)
        c.polyline(roc.points.map { ($0.falsePositiveRate, $0.truePositiveRate) }, stroke: "#1565c0")
        c.text("AUC = \(Self.fmt(roc.auc)) (95% CI \(Self.fmt(roc.delongInterval().lowerBound, 3))–\(Self.fmt(roc.delongInterval().upperBound, 3)))", x: 0.6, y: 0.1)
        return c.svg
    }

    var calibrationChart: String {
        let bins = calibration.table.bins
        let top = min(1, max(0.05, (bins.map { max($0.meanProbability, $0.observedRateInterval.upperBound) }.max() ?? 1) * 1.05))
        var c = SVGChart(id: "chart-calibration", width: 460, height: 420, x: 0...top, y: 0...top)
        let ticks = (0...5).map { Double($0) * top / 5 }
        c.axes(xLabel: "预测概率 Predicted probability", yLabel: "观测事件率 Observed rate", xTicks: ticks, yTicks: ticks)
        c.line(0, 0, top, top, stroke: "#999", dash: true)
        for b in bins {
            c.line(b.meanProbability, b.observedRateInterval.lowerBound, b.meanProbability, min(top, b.observedRateInterval.upperBound), stroke: "#c62828")
            c.circle(b.meanProbability, b.observedRate, fill: "#c62828")
        }
        return c.svg
    }

    var distributionChart: String {
        // Histogram of p on 40 bins over [0, max p], stacked by tier.
        let maxP = max(1e-6, probabilities.max() ?? 1)
        let binCount = 40
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 4), count: binCount)
        for p in probabilities {
            let k = min(binCount - 1, Int(p / maxP * Double(binCount)))
            counts[k][cutPoints.tier(p).rank] += 1
        }
        let peak = Double(counts.map { $0.reduce(0, +) }.max() ?? 1)
        var c = SVGChart(id: "chart-distribution", width: 700, height: 360, x: 0...maxP, y: 0...max(1, peak))
        c.axes(xLabel: "预测概率 Predicted probability", yLabel: "企业数 Count", xTicks: (0...5).map { Double($0) * maxP / 5 },
               yTicks: (0...4).map { (Double($0) * peak / 4).rounded() }, yFormat: { String(Int($0)) })
        for k in 0..<binCount {
            var base = 0.0
            for tier in Tier.allCases {
                let n = Double(counts[k][tier.rank])
                if n > 0 {
                    c.rect(x0: Double(k) * maxP / Double(binCount), x1: Double(k + 1) * maxP / Double(binCount), y0: base, y1: base + n,
                           fill: Self.tierColors[tier]!)
                }
                base += n
            }
        }
        for (cut, label) in [(cutPoints.lowerB, "A|B"), (cutPoints.lowerC, "B|C"), (cutPoints.lowerD, "C|D")] where cut <= maxP {
            c.line(cut, 0, cut, max(1, peak), stroke: "#000", dash: true)
            c.text(label, x: cut, y: max(1, peak) * 0.97)
        }
        for tier in Tier.allCases {
            let x = 520.0 + Double(tier.rank) * 42
            c.body += "<rect x=\"\(x)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(Self.tierColors[tier]!)\"/>"
            c.text(tier.rawValue, x: x + 20, y: 19, anchor: "start", pixel: true)
        }
        return c.svg
    }

    var tierTableHTML: String {
        var t = "<table><tr><th>等级 Tier</th><th>概率区间 Probability range</th><th>数量 Count</th><th>事件 Events</th><th>观测事件率 Observed rate</th><th>95% Wilson CI</th><th>平均预测 Mean p̂</th><th>捕获 Capture</th><th>提升 Lift</th></tr>\n"
        let bounds: [Tier: String] = [
            .a: "p < \(cutPoints.lowerB)", .b: "\(cutPoints.lowerB) ≤ p < \(cutPoints.lowerC)",
            .c: "\(cutPoints.lowerC) ≤ p < \(cutPoints.lowerD)", .d: "p ≥ \(cutPoints.lowerD)",
        ]
        for r in tiers.rows {
            t += "<tr><td>\(r.tier.rawValue) \(r.tier.chineseName) (\(r.tier.englishName))</td><td>\(bounds[r.tier]!)</td><td>\(r.count)</td><td>\(Int(r.events))</td><td>\(Self.fmt(r.eventRate))</td><td>\(Self.fmt(r.eventRateInterval.lowerBound))–\(Self.fmt(r.eventRateInterval.upperBound))</td><td>\(Self.fmt(r.meanProbability))</td><td>\(Self.fmt(r.capture, 3))</td><td>\(Self.fmt(r.lift, 2))</td></tr>\n"
        }
        t += "</table>\n"
        for w in tiers.warnings { t += "<p class=\"warn\">警告 Warning: \(SVGChart.escape(w))</p>\n" }
        return t
    }

    var liftChart: String {
        let rows = tiers.rows
        let peak = max(1, rows.map { $0.lift.isFinite ? $0.lift : 0 }.max() ?? 1)
        var c = SVGChart(id: "chart-lift", width: 560, height: 360, x: 0...4, y: 0...(peak * 1.1))
        c.axes(xLabel: "等级 Tier (柱: 提升 bars: lift; 线: 累计捕获 line: cumulative capture ×\(Self.fmt(peak * 1.1, 2)))", yLabel: "提升 Lift",
               xTicks: [], yTicks: (0...4).map { Double($0) * peak * 1.1 / 4 })
        var cumulative = 0.0
        var capture: [(Double, Double)] = [(0, 0)]
        for r in rows.reversed() {  // D first: capture accumulates from the riskiest tier
            cumulative += r.capture.isFinite ? r.capture : 0
            capture.append((Double(4 - r.tier.rank), cumulative * peak * 1.1))
        }
        for r in rows {
            let x = Double(r.tier.rank)
            c.rect(x0: x + 0.2, x1: x + 0.8, y0: 0, y1: r.lift.isFinite ? r.lift : 0, fill: Self.tierColors[r.tier]!)
            c.text("\(r.tier.rawValue)  \(Self.fmt(r.lift, 2))", x: x + 0.5, y: 0, size: 12)
        }
        c.line(0, 1, 4, 1, stroke: "#555", dash: true)
        c.polyline(capture, stroke: "#283593")
        c.text("累计捕获 cumulative capture D→A", x: 2.8, y: peak * 1.05, size: 11)
        return c.svg
    }

    var psiChart: String {
        guard let psi else { return "" }
        let groups = psi.baselineShares.count
        let peak = max(psi.baselineShares.max() ?? 0, psi.currentShares.max() ?? 0) * 1.15
        var c = SVGChart(id: "chart-psi", width: 620, height: 340, x: 0...Double(groups), y: 0...max(0.01, peak))
        c.axes(xLabel: "基准十分位 Baseline decile (灰: 基准 grey: baseline; 蓝: 当前 blue: current)", yLabel: "占比 Share",
               xTicks: [], yTicks: (0...4).map { Double($0) * peak / 4 })
        for k in 0..<groups {
            c.rect(x0: Double(k) + 0.1, x1: Double(k) + 0.48, y0: 0, y1: psi.baselineShares[k], fill: "#9e9e9e")
            c.rect(x0: Double(k) + 0.52, x1: Double(k) + 0.9, y0: 0, y1: psi.currentShares[k], fill: "#1565c0")
            c.text("\(k + 1)", x: Double(k) + 0.5, y: 0, size: 11)
        }
        return c.svg
    }
}
