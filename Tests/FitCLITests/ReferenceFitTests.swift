import Foundation
import RiskTierKit
import Statistics
import Testing

/// Every R reference case (`Datasets/*/reference/*.r.json`) fitted through the same path as
/// `risktier fit --csv` and compared quantity by quantity.
@Suite("Fits against R's glm")
struct ReferenceFitTests {
    static func fit(_ reference: ReferenceCase, epsilon: Double? = nil) throws -> FitResult {
        let request = FitRequest(
            csvPath: RepositoryRoot.url.appendingPathComponent(reference.csv).path,
            formula: reference.formula, weightsColumn: reference.weights, offsetColumn: reference.offset,
            control: .init(epsilon: epsilon ?? reference.epsilon, maximumIterations: 100))
        return try FitRun.fit(request)
    }

    @Test("there are reference cases to check")
    func casesExist() {
        // German credit ×4, lbw ×2, spector ×2, star98, toy ×4.
        #expect(ReferenceCase.all.count >= 13)
    }

    /// At R's own ε the iteration is the same computation as R's (same start, same working
    /// weights, same stopping rule), so the estimates agree to rounding: 1e-8 relative
    /// (observed ~1e-12; the slack covers the different order of floating-point sums in dsyrk
    /// vs R's Householder QR, amplified by the condition number of XᵀWX, ~1e7 for German
    /// credit with credit_amount in DM). Our standard errors are taken at the final estimate
    /// (DESIGN.md): equal to R's `std_error_at_estimate` to 1e-8, and to R's summary() value
    /// (weights at the start of the last step) to 1e-6, the gap the reference notes give
    /// between R's two (1e-10 to 1e-7). z inherits the standard error's 1e-6; a relative
    /// change δ in z moves p by about z²·δ, hence p to 1e-6·max(1, z²).
    @Test("converged fits at R's epsilon", arguments: ReferenceCase.all.filter { !$0.isSeparated })
    func convergedFit(_ reference: ReferenceCase) throws {
        let fit = try Self.fit(reference).fit
        #expect(fit.coefficients.map(\.term) == reference.coefficients.map(\.term))
        #expect(fit.aliased == reference.coefficients.map(\.aliased), "aliased set")
        for (ours, r) in zip(fit.coefficients, reference.coefficients) {
            #expect(close(ours.estimate, r.estimate, relative: 1e-8, absolute: 1e-12), "estimate \(r.term)")
            #expect(close(ours.standardError, r.std_error_at_estimate, relative: 1e-8), "std error at estimate \(r.term)")
            #expect(close(ours.standardError, r.std_error, relative: 1e-6), "std error \(r.term)")
            #expect(close(ours.zValue, r.z_value, relative: 1e-6, absolute: 1e-12), "z \(r.term)")
            let z = r.z_value ?? 0
            #expect(close(ours.pValue, r.p_value, relative: 1e-6 * max(1, z * z), absolute: 1e-300), "p \(r.term)")
        }
        // Deviances, log-likelihood, AIC, BIC, Pearson: sums of n terms; 1e-9 relative.
        #expect(close(fit.nullDeviance, reference.null_deviance, relative: 1e-9))
        #expect(close(fit.residualDeviance, reference.residual_deviance, relative: 1e-9))
        #expect(close(fit.logLikelihood, reference.loglik, relative: 1e-9))
        #expect(close(fit.aic, reference.aic, relative: 1e-9))
        #expect(close(fit.bic, reference.bic, relative: 1e-9))
        #expect(close(fit.pearsonChiSquare, reference.pearson_chi2, relative: 1e-8))
        #expect(fit.nullDegreesOfFreedom == reference.df_null)
        #expect(fit.residualDegreesOfFreedom == reference.df_residual)
        #expect(fit.converged == reference.converged)
        #expect(fit.iterations == reference.iterations)
        #expect(fit.warnings.map(\.message) == reference.warningMessages)
        for i in 0..<reference.fitted_first10.count {
            #expect(close(fit.fittedValues[i], reference.fitted_first10[i], relative: 1e-9), "mu[\(i)]")
            #expect(close(fit.linearPredictor[i], reference.linear_predictor_first10[i], relative: 1e-8, absolute: 1e-10),
                    "eta[\(i)]")
        }
    }

    /// At our default ε = 1e-10 the fit stops one Fisher step earlier than R at 1e-14 (or 1e-12);
    /// Newton's quadratic convergence leaves the estimates within ~1e-10 relative of the
    /// limit (checked at 1e-8, the figure the issue asks for), and the standard errors at the
    /// estimate move by as little (1e-8 against R's `std_error_at_estimate`).
    @Test("converged fits at the default epsilon", arguments: ReferenceCase.all.filter { !$0.isSeparated })
    func defaultEpsilon(_ reference: ReferenceCase) throws {
        let fit = try Self.fit(reference, epsilon: 1e-10).fit
        #expect(fit.converged)
        #expect(fit.aliased == reference.coefficients.map(\.aliased))
        for (ours, r) in zip(fit.coefficients, reference.coefficients) {
            #expect(close(ours.estimate, r.estimate, relative: 1e-8, absolute: 1e-12), "estimate \(r.term)")
            #expect(close(ours.standardError, r.std_error_at_estimate, relative: 1e-8), "std error \(r.term)")
        }
        #expect(close(fit.residualDeviance, reference.residual_deviance, relative: 1e-12))
    }

    /// Separated designs: the MLE does not exist, so (per the reference notes) compare what is
    /// meaningful: R's warnings, convergence flag, aliasing, the signs of the estimates, which
    /// estimates are huge (|β| > 10), and the residual deviance at its infimum (1e-6 absolute:
    /// the deviance falls like e^{-|β|} and both stop within ε·0.1 of it).
    @Test("separated designs", arguments: ReferenceCase.all.filter(\.isSeparated))
    func separated(_ reference: ReferenceCase) throws {
        let fit = try Self.fit(reference).fit
        #expect(fit.warnings.map(\.message) == reference.warningMessages)
        #expect(fit.warnings.contains(.fittedProbabilitiesZeroOrOne))
        #expect(fit.converged == reference.converged)
        // The same iteration as R's (same clamps at |η| > 30, QR steps once ill-conditioned)
        // stops at the same step.
        #expect(fit.iterations == reference.iterations)
        #expect(fit.aliased == reference.coefficients.map(\.aliased))
        for (ours, r) in zip(fit.coefficients, reference.coefficients) {
            guard let a = ours.estimate, let e = r.estimate else { continue }
            #expect((a > 0) == (e > 0), "sign \(r.term)")
            #expect((abs(a) > 10) == (abs(e) > 10), "magnitude class \(r.term)")
        }
        #expect(close(fit.residualDeviance, reference.residual_deviance, relative: 0, absolute: 1e-6))
        #expect(close(fit.nullDeviance, reference.null_deviance, relative: 1e-12))
    }

    /// The coefficient table printed like R's `printCoefmat` (R 4.2.2, width 80), compared line
    /// by line with R's own printout. Estimates agree to ~1e-12, far below the 4–7 printed
    /// significant digits. Standard errors (and so z and p) are at the final estimate here
    /// and at the last step's weights in R's summary: 1e-10–1e-7 apart, so a printed value
    /// sitting on a rounding boundary may differ by one unit in its last digit. That, and only
    /// that, is allowed: same layout, same characters, numbers within one last-place unit.
    /// The separated designs are included: both iterations stop at the same step, and the
    /// printed 4 digits of their huge estimates and standard errors agree.
    @Test("coefficient table text equals R's", arguments: ReferenceCase.all)
    func coefficientTable(_ reference: ReferenceCase) throws {
        let fit = try Self.fit(reference).fit
        let rLines = Self.coefficientTable(in: reference.summaryText)
        #expect(!rLines.isEmpty)
        let ours = fit.coefficientTableLines.filter { !$0.hasPrefix("---") && !$0.hasPrefix("Signif. codes") }
        #expect(ours.count == rLines.count)
        for (a, b) in zip(ours, rLines) where a != b {
            #expect(Self.equalToLastDigit(a, b), "\nours: \(a)\nR:    \(b)")
        }
    }

    /// Same length and same text except numbers that differ by at most one unit in their last
    /// printed digit.
    static func equalToLastDigit(_ a: String, _ b: String) -> Bool {
        guard a.count == b.count else { return false }
        let ta = a.split(separator: " "), tb = b.split(separator: " ")
        guard ta.count == tb.count else { return false }
        for (x, y) in zip(ta, tb) where x != y {
            guard x.count == y.count, let u = Double(x), let v = Double(y) else { return false }
            // One unit in the last place of the printed mantissa.
            let mantissa = x.split(separator: "e").first ?? x[...]
            let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
            let exponent = x.contains("e") ? (Int(x.split(separator: "e").last!) ?? 0) : 0
            let unit = pow(10, Double(exponent - decimals))
            if abs(u - v) > unit * 1.000001 { return false }
        }
        return true
    }

    /// The lines between "Coefficients…" and "---" (or the blank line when there are no stars).
    static func coefficientTable(in text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Coefficients") }) else { return [] }
        var end = start + 1
        while end < lines.count && lines[end] != "---" && !lines[end].isEmpty { end += 1 }
        return Array(lines[(start + 1)..<end])
    }
}
