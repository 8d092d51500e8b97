import Domain
import Foundation
import Scoring
import Statistics

/// The calibration report: one self-contained HTML page (inline SVG and CSS only: no
/// JavaScript, no network, no external fonts or images), labels in Chinese and English: fit
/// summary with the coefficient table, odds-ratio forest plot, ROC with AUC and DeLong CI,
/// calibration by decile with Wilson CIs, score distribution per tier, lift and capture by tier,
/// and PSI against a baseline when one is given. Every statistic comes from `Statistics`
/// (peer-tested); this type only lays them out. The page is a pure function of the inputs.
public struct CalibrationReport: Sendable {
    public let title: String
    /// A line under the title (the formula), may be empty.
    public let subtitle: String
    public let summaryText: String
    /// The model's coefficients in model order (intercept included; nil numbers = aliased).
    public let terms: [Coefficient]
    public let probabilities: [Double]
    public let outcomes: [Double]
    public let cutPoints: CutPoints
    public let baseline: [Double]?

    public let roc: ReceiverOperatingCharacteristic
    /// Hosmer–Lemeshow with g = 10; its `table` is the decile calibration table that is plotted.
    public let calibration: HosmerLemeshowTest
    public let tiers: TierTable
    public let psi: PopulationStabilityIndex?
    public let brier: Double
    public let logLoss: Double

    /// The `id` of every chart, in page order (`chart-psi` only with a baseline).
    public static func chartIDs(withBaseline: Bool) -> [String] {
        ["chart-forest", "chart-roc", "chart-calibration", "chart-distribution", "chart-lift"] + (withBaseline ? ["chart-psi"] : [])
    }

    public init(title: String, subtitle: String = "", summaryText: String, terms: [Coefficient], probabilities: [Double], outcomes: [Double],
                cutPoints: CutPoints, baseline: [Double]? = nil) throws(ReportError) {
        self.title = title
        self.subtitle = subtitle
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

    /// Fixed decimals ("NA" for NaN/±∞).
    static func fmt(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? String(format: "%.\(digits)f", x) : "NA" }

    /// Significant digits, for odds ratios and p-values that span orders of magnitude.
    static func sig(_ x: Double, _ digits: Int = 4) -> String { x.isFinite ? String(format: "%.\(digits)g", x) : "NA" }

    /// An odds ratio: 4 decimals between 0.1 and 10 (so 1.0001 does not print as 1), else 4
    /// significant digits.
    static func oddsRatio(_ x: Double) -> String { (0.1...10).contains(x) ? fmt(x, 4) : sig(x, 4) }

    static func escape(_ s: String) -> String { SVGChart.escape(s) }

    /// The whole page.
    public var html: String {
        let auc = roc.delongInterval()
        var h = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>\(Self.escape(title))</title>
        <style>
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:24px;color:#222;max-width:1240px;background:#fff}
        h1{font-size:22px}.subtitle{font-size:12px;color:#444}h2{font-size:17px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}
        pre{background:#f6f6f6;padding:10px;font-size:12px;overflow-x:auto}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}
        td.name,#coefficients th:first-child,#tiers th:first-child{text-align:left}th{background:#f0f0f0}.warn{color:#b71c1c;font-weight:bold}svg{background:#fff;border:1px solid #eee;display:block;margin:8px 0}
        </style></head>
        <body>
        <h1>模型校准报告 Calibration report — \(Self.escape(title))</h1>
        <p class="subtitle"><code>\(Self.escape(subtitle))</code></p>
        <table id="metrics"><tr><th>样本量 Rows</th><th>事件数 Events</th><th>AUC</th><th>AUC 95% CI (DeLong)</th><th>Gini</th><th>KS</th><th>Brier</th><th>对数损失 Log-loss</th><th>Hosmer–Lemeshow χ² (df)</th><th>HL p</th></tr>
        <tr><td>\(probabilities.count)</td><td>\(roc.events)</td><td>\(Self.fmt(roc.auc))</td><td>\(Self.fmt(auc.lowerBound))–\(Self.fmt(auc.upperBound))</td><td>\(Self.fmt(roc.gini))</td><td>\(Self.fmt(roc.ks.statistic))</td><td>\(Self.fmt(brier))</td><td>\(Self.fmt(logLoss))</td><td>\(Self.fmt(calibration.statistic, 3)) (\(calibration.degreesOfFreedom))</td><td>\(Self.sig(calibration.pValue, 3))</td></tr></table>

        """
        h += "<h2>拟合摘要 Fit summary</h2>\n" + coefficientTableHTML
        if !summaryText.isEmpty {
            h += "<details><summary>完整拟合输出 Full fit output (summary.txt)</summary><pre>\(Self.escape(summaryText))</pre></details>\n"
        }
        h += "<h2>比值比森林图 Odds-ratio forest plot (95% Wald CI, 对数刻度 log scale)</h2>\n" + forestPlot + "\n"
        h += "<h2>ROC 曲线 ROC curve</h2>\n" + rocChart + "\n"
        h += "<h2>校准图（按十分位）Calibration by decile (Wilson 95% CI)</h2>\n" + calibrationChart + "\n" + decileTableHTML
        h += "<p>注 Note: Hosmer–Lemeshow 的结果取决于分组方式（预测概率十分位，相同分位点合并分组）。The Hosmer–Lemeshow statistic depends on the binning (deciles of p; tied quantiles merge bins); read it beside the plot.</p>\n"
        h += "<h2>各等级评分分布 Score distribution by tier</h2>\n" + distributionChart + "\n"
        h += "<h2>分级表 Tier table</h2>\n" + tierTableHTML
        h += "<h2>提升与捕获 Lift and capture by tier</h2>\n" + liftChart + "\n"
        if let psi {
            h += "<h2>群体稳定性指数 Population stability index (PSI)</h2>\n"
            h += "<p id=\"psi-value\">PSI = \(psi.value.map { Self.fmt($0) } ?? "NA（有空分组 an empty bin）") — &lt; 0.1 稳定 stable; 0.1–0.25 轻微变化 some shift; &gt; 0.25 显著变化 a shift.</p>\n" + psiChart + "\n"
        }
        h += "</body>\n</html>\n"
        return h
    }
}
