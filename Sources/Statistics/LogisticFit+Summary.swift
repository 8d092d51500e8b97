import Foundation

extension LogisticFit {
    /// The coefficient table laid out as R's `printCoefmat` does inside `summary.glm`
    /// (digits = 4, dig.tst = 3, p-values by `format.pval`, significance stars), followed by
    /// the legend line when any p < 0.1. Lines without trailing newline characters.
    public var coefficientTableLines: [String] {
        let digits = 4, testDigits = 3
        let estimates = coefficients.map { $0.estimate ?? .nan }
        let errors = coefficients.map { $0.standardError ?? .nan }
        let zs = coefficients.map { $0.zValue ?? .nan }
        let ps = coefficients.map { $0.pValue ?? .nan }

        // Estimate and Std. Error share one layout after rounding to max(1, digits − digmin)
        // decimals, digmin = 1 + floor(log10(smallest non-zero |value|)).
        let both = estimates + errors
        let magnitudes = both.filter { $0.isFinite && $0 != 0 }.map(abs)
        let digmin = 1 + (magnitudes.min().map { Int(floor(log10($0))) } ?? 0)
        let roundDigits = max(1, digits - digmin)
        var columns = RNumberFormat.format(both.map { RNumberFormat.round($0, digits: roundDigits) }, digits: digits)
        // R re-formats (at digits − 1) the entries that rounding turned into zero or vice versa.
        let mismatched = both.indices.filter { i in
            both[i].isFinite && ((both[i] == 0) != (Double(columns[i].trimmingCharacters(in: .whitespaces)) == 0))
        }
        if !mismatched.isEmpty {
            let fixed = RNumberFormat.format(mismatched.map { both[$0] }, digits: max(1, digits - 1))
            for (k, i) in mismatched.enumerated() { columns[i] = fixed[k] }
        }
        let zText = RNumberFormat.format(zs.map { RNumberFormat.round($0, digits: testDigits) }, digits: digits)
        let finiteP = ps.indices.filter { ps[$0].isFinite }
        let pFormatted = RNumberFormat.formatPValues(finiteP.map { ps[$0] }, digits: testDigits)
        var pText = [String](repeating: "NA", count: ps.count)
        for (k, i) in finiteP.enumerated() { pText[i] = pFormatted[k] }

        let showStars = finiteP.contains { ps[$0] < 0.1 }
        var stars: [String] = []
        if showStars {
            let symbols = ps.map { p -> String in
                guard p.isFinite else { return "" }
                if p <= 0.001 { return "***" }
                if p <= 0.01 { return "**" }
                if p <= 0.05 { return "*" }
                if p <= 0.1 { return "." }
                return " "
            }
            let width = symbols.map(\.count).max() ?? 0
            stars = symbols.map { RNumberFormat.pad($0, to: width, right: false) }
        }

        let count = coefficients.count
        var table: [[String]] = [
            ["Estimate"] + (0..<count).map { estimates[$0].isFinite ? columns[$0] : "NA" },
            ["Std. Error"] + (0..<count).map { errors[$0].isFinite ? columns[count + $0] : "NA" },
            ["z value"] + (0..<count).map { zs[$0].isFinite ? zText[$0] : "NA" },
            ["Pr(>|z|)"] + pText,
        ]
        if showStars { table.append([""] + stars) }
        var lines = RNumberFormat.matrixLines(rowNames: coefficients.map(\.term), columns: table)
        if showStars {
            lines.append("---")
            lines.append("Signif. codes:  0 \u{2018}***\u{2019} 0.001 \u{2018}**\u{2019} 0.01 \u{2018}*\u{2019} 0.05 \u{2018}.\u{2019} 0.1 \u{2018} \u{2019} 1")
        }
        return lines
    }

    /// The odds-ratio table: exp(estimate) with the exp of the Wald interval at `level`.
    public func oddsRatioTableLines(level: Double = 0.95) -> [String] {
        let lowerLabel = RNumberFormat.percentLabel((1 - level) / 2)
        let upperLabel = RNumberFormat.percentLabel((1 + level) / 2)
        let ratios = coefficients.map { $0.oddsRatio ?? .nan }
        let lower = coefficients.map { $0.oddsRatioInterval(level: level)?.lowerBound ?? .nan }
        let upper = coefficients.map { $0.oddsRatioInterval(level: level)?.upperBound ?? .nan }
        // Each cell on its own at 4 significant digits: ratios span many orders of magnitude,
        // and a common column layout would push them all into scientific notation.
        func cells(_ values: [Double]) -> [String] { values.map { RNumberFormat.format([$0], digits: 4)[0] } }
        let table = [["Odds ratio"] + cells(ratios), [lowerLabel] + cells(lower), [upperLabel] + cells(upper)]
        return RNumberFormat.matrixLines(rowNames: coefficients.map(\.term), columns: table)
    }

    /// The whole summary: R's `print.summary.glm` layout (coefficients, dispersion, deviances,
    /// AIC, iterations), then warnings and the odds-ratio table.
    public func summary(call: String) -> String {
        var out = "\nCall:\n\(call)\n\n"
        let singular = coefficients.filter(\.aliased).count
        out += singular > 0 ? "Coefficients: (\(singular) not defined because of singularities)\n" : "Coefficients:\n"
        out += coefficientTableLines.joined(separator: "\n") + "\n"
        out += "\n(Dispersion parameter for binomial family taken to be 1)\n\n"
        let deviances = RNumberFormat.format([nullDeviance, residualDeviance], digits: 5)
        let dfs = [String(nullDegreesOfFreedom), String(residualDegreesOfFreedom)]
        let dfWidth = dfs.map(\.count).max() ?? 0
        out += "    Null deviance: \(deviances[0])  on \(RNumberFormat.pad(dfs[0], to: dfWidth))  degrees of freedom\n"
        out += "Residual deviance: \(deviances[1])  on \(RNumberFormat.pad(dfs[1], to: dfWidth))  degrees of freedom\n"
        out += "AIC: \(RNumberFormat.format([aic], digits: 5)[0])\n\n"
        out += "Number of Fisher Scoring iterations: \(iterations)\n"
        if !warnings.isEmpty {
            out += "\nWarning messages:\n"
            for (k, w) in warnings.enumerated() { out += "\(k + 1): \(w.message)\n" }
        }
        out += "\nOdds ratios with \(RNumberFormat.percentLabel(0.95).replacingOccurrences(of: " ", with: "")) Wald confidence intervals:\n"
        out += oddsRatioTableLines().joined(separator: "\n") + "\n"
        return out
    }
}
