import Foundation

/// R's rules for printing numbers (`format()`, `round()`, `format.pval`), ported so that the
/// summary reads digit for digit like R's. Sources: R's `src/main/format.c` (`scientific`,
/// `formatReal`), `src/library/base/R/format.R` (`format.pval`).
enum RNumberFormat {
    /// A common layout for a vector: total width, digits after the point (or mantissa digits
    /// when scientific) and whether it is scientific.
    struct Layout: Equatable {
        var width: Int
        var decimals: Int
        var scientific: Bool
        var exponentDigits: Int
    }

    /// Powers of ten in extended precision, as R's `tbl[]` (KP_MAX = 27 with long double).
    static let maximumPower = 27
    static let powers: [Float80] = (0...27).map { (k: Int) -> Float80 in
        var v: Float80 = 1
        for _ in 0..<k { v *= 10 }
        return v
    }

    /// R's `scientific()`: sign, decimal exponent, significant digits needed (≤ `digits`) and
    /// whether rounding to `digits` carries into a new leading digit in fixed notation.
    static func scientific(_ x: Double, digits: Int) -> (negative: Bool, kpower: Int, nsig: Int, roundingWidens: Bool) {
        if x == 0 { return (false, 0, 1, false) }
        let negative = x < 0
        let r = abs(x)
        var kp = Int(floor(log10(r))) - digits + 1
        var rPrec = Float80(r)
        if abs(kp) < 10 {
            if kp > 0 { rPrec /= powers[kp] } else if kp < 0 { rPrec *= powers[-kp] }
        } else if kp <= -307 {
            rPrec = (Float80(r) * 1e303) / Float80(pow(10.0, Double(kp + 303)))
        } else {
            rPrec /= Float80(pow(10.0, Double(kp)))
        }
        if rPrec < powers[digits - 1] {
            rPrec *= 10
            kp -= 1
        }
        var alpha = Double(rPrec.rounded(.toNearestOrEven))
        var nsig = digits
        for _ in 1...digits {
            alpha /= 10
            if alpha == floor(alpha) { nsig -= 1 } else { break }
        }
        if nsig == 0 && digits > 0 {
            nsig = 1
            kp += 1
        }
        let kpower = kp + digits - 1
        var rgt = digits - kpower
        rgt = rgt < 0 ? 0 : (rgt > maximumPower ? maximumPower : rgt)
        let fuzz = 0.5 / Double(powers[rgt])
        let widens = kpower > 0 && kpower <= maximumPower && r < Double(powers[kpower]) - fuzz
        return (negative, kpower, nsig, widens)
    }

    /// R's `formatReal()` for the finite values of `values` at `digits` significant digits
    /// (R_print.scipen = 0). Non-finite values are ignored here (printed as "NA" by callers).
    static func layout(_ values: [Double], digits: Int) -> Layout {
        var neg = false
        var rgt = Int.min, mxl = Int.min, mxsl = Int.min, mxns = Int.min
        var mxe = Int.min, mne = Int.max
        for x in values where x.isFinite {
            let s = scientific(x, digits: digits)
            var left = s.kpower + 1
            if s.roundingWidens { left -= 1 }
            let sleft = (s.negative ? 1 : 0) + (left <= 0 ? 1 : left)
            let right = s.nsig - left
            if s.negative { neg = true }
            rgt = max(rgt, right)
            mxl = max(mxl, left)
            mxsl = max(mxsl, sleft)
            mxns = max(mxns, s.nsig)
            mxe = max(mxe, s.kpower)
            mne = min(mne, s.kpower)
        }
        guard mxl != Int.min else { return Layout(width: 0, decimals: 0, scientific: false, exponentDigits: 0) }
        if mxl < 0 { mxsl = 1 + (neg ? 1 : 0) }
        if rgt < 0 { rgt = 0 }
        let wF = mxsl + rgt + (rgt != 0 ? 1 : 0)
        let e = (mxe >= 100 || mne <= -99) ? 2 : 1
        let d = mxns - 1
        let wE = (neg ? 1 : 0) + (d > 0 ? 1 : 0) + d + 4 + e
        if wF <= wE {
            return Layout(width: wF, decimals: rgt, scientific: false, exponentDigits: 0)
        }
        return Layout(width: wE, decimals: d, scientific: true, exponentDigits: e)
    }

    /// One value in a layout (R's `encodeReal0`), right-justified to the layout's width.
    static func encode(_ value: Double, _ layout: Layout) -> String {
        // R's encodeReal drops the sign of zero ("IEEE allows signed zeros"): round(-1e-6, 3)
        // prints as 0, not -0.
        let x = value == 0 ? 0 : value
        let body: String
        if layout.scientific {
            body = layout.decimals > 0
                ? String(format: "%#.\(layout.decimals)e", x)
                : String(format: "%.0e", x)
        } else {
            body = String(format: "%.\(layout.decimals)f", x)
        }
        return body.count >= layout.width ? body : String(repeating: " ", count: layout.width - body.count) + body
    }

    /// R's `format(values, digits = digits)`: a common layout, each entry padded to its width;
    /// non-finite entries read "NA" (R's na.print in these tables).
    static func format(_ values: [Double], digits: Int) -> [String] {
        let layout = layout(values, digits: digits)
        return values.map { $0.isFinite ? encode($0, layout) : pad("NA", to: layout.width) }
    }

    /// R's `round(x, digits)` for digits ≥ 0: the decimal nearest to the binary value.
    static func round(_ x: Double, digits: Int) -> Double {
        guard x.isFinite else { return x }
        return Double(String(format: "%.\(digits)f", x)) ?? x
    }

    /// R's `format.pval(pv, digits, eps = .Machine$double.eps)`.
    static func formatPValues(_ pv: [Double], digits: Int) -> [String] {
        let eps = Double.ulpOfOne
        var result = [String](repeating: "", count: pv.count)
        let notZero = pv.indices.filter { !(pv[$0] < eps) }
        // R: fixp <- expo >= -3 | (expo == -4 & digits > 1)
        func isFixed(_ p: Double) -> Bool {
            if p == 0 { return true }
            let expo = Int(floor(log10(p)))
            return expo >= -3 || (expo == -4 && digits > 1)
        }
        let fixed = notZero.filter { isFixed(pv[$0]) }
        let small = notZero.filter { !isFixed(pv[$0]) }
        for group in [fixed, small] where !group.isEmpty {
            let formatted = format(group.map { pv[$0] }, digits: digits)
            for (k, i) in group.enumerated() { result[i] = formatted[k] }
        }
        let zeros = pv.indices.filter { pv[$0] < eps }
        if !zeros.isEmpty {
            var d = max(1, digits - 2)
            let sep: String
            if !notZero.isEmpty {
                let nc = notZero.map { result[$0].count }.max() ?? 0
                if d > 1 && d + 6 > nc { d = max(1, nc - 7) }
                sep = (d == 1 && nc <= 6) ? "" : " "
            } else {
                sep = d == 1 ? "" : " "
            }
            let text = "<" + sep + format([eps], digits: d)[0]
            for i in zeros { result[i] = text }
        }
        return result
    }

    static func pad(_ s: String, to width: Int, right: Bool = true) -> String {
        guard s.count < width else { return s }
        let fill = String(repeating: " ", count: width - s.count)
        return right ? fill + s : s + fill
    }
}

extension RNumberFormat {
    /// R's `print.default` of a character matrix with `quote = FALSE, right = TRUE`: row names
    /// left-justified, each column (header first) right-justified to its widest entry, one
    /// space between columns.
    static func matrixLines(rowNames: [String], columns: [[String]], width lineWidth: Int = 80) -> [String] {
        let nameWidth = rowNames.map(\.count).max() ?? 0
        let widths = columns.map { $0.map(\.count).max() ?? 0 }
        var lines: [String] = []
        // R's printMatrix: columns go into blocks no wider than the `width` option (80), each
        // block holding at least one column; a block is printed whole before the next.
        var first = 0
        while first < columns.count {
            var last = first
            var used = nameWidth + widths[first] + 1
            while last + 1 < columns.count && used + widths[last + 1] + 1 < lineWidth {
                last += 1
                used += widths[last] + 1
            }
            var header = String(repeating: " ", count: nameWidth)
            for c in first...last { header += " " + pad(columns[c][0], to: widths[c]) }
            lines.append(header)
            for (r, name) in rowNames.enumerated() {
                var line = pad(name, to: nameWidth, right: false)
                for c in first...last { line += " " + pad(columns[c][r + 1], to: widths[c]) }
                lines.append(line)
            }
            first = last + 1
        }
        return lines
    }

    /// R's `confint` column label: "2.5 %", "97.5 %".
    static func percentLabel(_ probability: Double) -> String {
        format([100 * probability], digits: 3)[0].trimmingCharacters(in: .whitespaces) + " %"
    }
}
