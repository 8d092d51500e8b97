import Domain
import Foundation
import Statistics

extension CalibrationReport {
    /// Estimate, SE, Wald z and two-sided p, odds ratio and its 95% Wald interval (exp of the
    /// coefficient interval, as R's `exp(confint.default(fit))`), one row per coefficient.
    var coefficientTableHTML: String {
        var t = "<table id=\"coefficients\"><tr><th>项 Term</th><th>估计值 Estimate</th><th>标准误 SE</th><th>z</th><th>p</th><th>比值比 Odds ratio</th><th>比值比 95% CI</th></tr>\n"
        for c in terms {
            let name = "<td class=\"name\">\(Self.escape(c.term))</td>"
            guard let estimate = c.estimate else {
                t += "<tr>\(name)<td colspan=\"6\">NA（共线，已剔除 aliased）</td></tr>\n"
                continue
            }
            let ci = c.oddsRatioInterval()
            t += "<tr>\(name)<td>\(Self.fmt(estimate, 5))</td><td>\(c.standardError.map { Self.fmt($0, 5) } ?? "NA")</td>"
                + "<td>\(c.zValue.map { Self.fmt($0, 3) } ?? "NA")</td><td>\(c.pValue.map { Self.sig($0, 3) } ?? "NA")</td>"
                + "<td>\(c.oddsRatio.map(Self.oddsRatio) ?? "NA")</td>"
                + "<td>\(ci.map { "\(Self.oddsRatio($0.lowerBound))–\(Self.oddsRatio($0.upperBound))" } ?? "NA")</td></tr>\n"
        }
        return t + "</table>\n"
    }

    /// The decile table behind the calibration plot.
    var decileTableHTML: String {
        var t = "<table id=\"deciles\"><tr><th>组 Bin</th><th>概率区间 p range</th><th>数量 Count</th><th>观测事件 Observed</th><th>预期事件 Expected</th><th>平均预测 Mean p̂</th><th>观测事件率 Observed rate</th><th>95% Wilson CI</th></tr>\n"
        for (k, b) in calibration.table.bins.enumerated() {
            t += "<tr><td>\(k + 1)</td><td>\(Self.fmt(b.lower))–\(Self.fmt(b.upper))</td><td>\(b.count)</td><td>\(Self.fmt(b.observedEvents, 0))</td>"
                + "<td>\(Self.fmt(b.expectedEvents, 2))</td><td>\(Self.fmt(b.meanProbability))</td><td>\(Self.fmt(b.observedRate))</td>"
                + "<td>\(Self.fmt(b.observedRateInterval.lowerBound))–\(Self.fmt(b.observedRateInterval.upperBound))</td></tr>\n"
        }
        return t + "</table>\n"
    }

    var tierTableHTML: String {
        var t = "<table id=\"tiers\"><tr><th>等级 Tier</th><th>概率区间 Probability range</th><th>数量 Count</th><th>事件 Events</th><th>观测事件率 Observed rate</th><th>95% Wilson CI</th><th>平均预测 Mean p̂</th><th>捕获 Capture</th><th>提升 Lift</th></tr>\n"
        let b = Self.sig(cutPoints.b, 6), c = Self.sig(cutPoints.c, 6), d = Self.sig(cutPoints.d, 6)
        let bounds: [Tier: String] = [.a: "p &lt; \(b)", .b: "\(b) ≤ p &lt; \(c)", .c: "\(c) ≤ p &lt; \(d)", .d: "p ≥ \(d)"]
        for r in tiers.rows {
            t += "<tr><td class=\"name\">\(r.tier.rawValue) \(r.tier.chineseName) (\(r.tier.englishName))</td><td>\(bounds[r.tier]!)</td><td>\(r.count)</td>"
                + "<td>\(Self.fmt(r.events, 0))</td><td>\(Self.fmt(r.eventRate))</td>"
                + "<td>\(r.count == 0 ? "NA" : "\(Self.fmt(r.eventRateInterval.lowerBound))–\(Self.fmt(r.eventRateInterval.upperBound))")</td>"
                + "<td>\(Self.fmt(r.meanProbability))</td><td>\(Self.fmt(r.capture, 3))</td><td>\(Self.fmt(r.lift, 2))</td></tr>\n"
        }
        t += "</table>\n"
        for w in tiers.warnings { t += "<p class=\"warn\">警告 Warning: \(Self.escape(w))</p>\n" }
        return t
    }
}
