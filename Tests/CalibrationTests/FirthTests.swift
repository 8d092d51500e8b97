import Foundation
import RiskTierKit
import Statistics
import Testing

/// Firth fits against brglm2 (`type = "AS_mean"`, R 4.2.2, ε = 1e-14) and profile
/// penalised-likelihood intervals against firthmodels 0.8.2 `conf_int(method='pl')` (checked by
/// the R implementation Datasets/tools/firth_profile_ci.R to 6e-15), all in
/// `Datasets/*/reference/*.firth.json`.
@Suite("Firth against brglm2 and firthmodels")
struct FirthTests {
    static let cases = [
        "Datasets/toy_designs/reference/separation_complete.firth.json",
        "Datasets/toy_designs/reference/separation_quasi_tie.firth.json",
        "Datasets/toy_designs/reference/separation_zero_cell.firth.json",
        // Raw EDUCATION/MARRIAGE codes: EDUCATION 0 (one row) and 6 (11 rows) have no defaults
        // (quasi-separated); brglm2 started from b = 0 (see the Taiwan README).
        "Datasets/taiwan_credit_default_sample/reference/taiwan_credit_factors.firth.json",
        "Datasets/german_credit/reference/german_credit_factors.firth.json",
    ]

    static func fit(_ reference: [String: Any], profile: Bool) throws -> FitResult {
        var request = FitRequest(csvPath: Repository.path(reference["csv"] as! String),
                                 formula: reference["formula"] as! String,
                                 weightsColumn: reference["weights"] as? String,
                                 offsetColumn: reference["offset"] as? String)
        request.penalty = .firth(profileLevel: profile ? 0.95 : nil)
        return try FitRun.fit(request)
    }

    /// Both sides maximise the same smooth concave-ish function to ~1e-14 (brglm2's ε, our
    /// gradient < 1e-10), so estimates agree to 1e-7 relative (observed ≤ 1e-9; the slack is the
    /// conditioning of German credit's I(β), κ ~ 1e7 with credit_amount in DM). Standard errors
    /// are √diag I(β̂)⁻¹ on both sides: 1e-6 relative. Deviances and log-likelihoods are sums of
    /// n smooth terms at the estimate: 1e-8 relative.
    @Test("estimates, standard errors, deviances, penalised log-likelihood", arguments: cases)
    func estimates(_ path: String) throws {
        let reference = try Repository.json(path)
        let result = try Self.fit(reference, profile: false)
        let fit = result.fit
        let rows = reference["coefficients"] as! [[String: Any]]
        #expect(fit.coefficients.map(\.term) == rows.map { $0["term"] as! String })
        for (ours, r) in zip(fit.coefficients, rows) {
            #expect(close(ours.estimate, r["estimate"] as? Double, relative: 1e-7, absolute: 1e-9), "estimate \(ours.term)")
            #expect(close(ours.standardError, r["std_error"] as? Double, relative: 1e-6), "std error \(ours.term)")
            #expect(ours.estimate?.isFinite == true)
        }
        #expect(fit.converged)
        #expect(close(fit.residualDeviance, reference["residual_deviance"] as? Double, relative: 1e-8))
        #expect(close(fit.nullDeviance, reference["null_deviance"] as? Double, relative: 1e-8))
        #expect(close(fit.logLikelihood, reference["loglik"] as? Double, relative: 1e-8))
        #expect(close(fit.aic, reference["aic"] as? Double, relative: 1e-8))
        #expect(close(result.penalizedLogLikelihood, reference["penalized_loglik"] as? Double, relative: 1e-9))
        let fitted = reference["fitted_first10"] as! [Double]
        for (k, p) in fitted.enumerated() { #expect(close(fit.fittedValues[k], p, relative: 1e-7), "fitted \(k)") }
    }

    /// Profile bounds are roots found to 1e-10 in the penalised log-likelihood by firthmodels
    /// (tol 1e-10) and R (uniroot tol 1e-12); ours stop at a bracket of 1e-11 relative. The
    /// profile's slope at a bound is O(1) for these designs, so 1e-6 absolute + 1e-6 relative
    /// covers both tolerances with room (for Taiwan's LIMIT_BAL and BILL_AMT1, coefficients of
    /// order 1e-6 in NT$, the 1e-6 absolute term makes this a sign-level check only; the factor
    /// levels, including the separated EDUCATION 0 and 6, are checked to 1e-6). German credit (49
    /// coefficients) is checked through the estimates only here, to keep the debug-build test
    /// time down.
    @Test("profile penalised-likelihood intervals", arguments: cases.prefix(4))
    func profile(_ path: String) throws {
        let reference = try Repository.json(path)
        let result = try Self.fit(reference, profile: true)
        let rows = reference["profile_ci"] as! [[String: Any]]
        let intervals = try #require(result.profileIntervals)
        for (ours, r) in zip(intervals, rows) {
            let ours = try #require(ours)
            #expect(ours.term == r["term"] as! String)
            #expect(close(ours.lower, r["lower"] as? Double, relative: 1e-6, absolute: 1e-6), "lower \(ours.term)")
            #expect(close(ours.upper, r["upper"] as? Double, relative: 1e-6, absolute: 1e-6), "upper \(ours.term)")
        }
        #expect(result.summary.contains("Profile penalised-likelihood confidence intervals"))
    }
}
