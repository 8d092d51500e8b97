import Foundation
import Statistics

extension FitResult {
    /// The command-line options that chose the estimator, for the summary's call line.
    var penaltyCallSuffix: String {
        switch request.penalty {
        case .none: ""
        case .firth: " --firth"
        case let .ridge(r): " --ridge \(r.lambda) --ridge-scale \(r.scale.rawValue)"
        }
    }

    /// What the summary adds for a penalised fit: the estimator, and Firth's profile intervals.
    var penaltySummary: String {
        switch request.penalty {
        case .none:
            return ""
        case .ridge(let r):
            return "\nRidge (L2) penalty: lambda = \(r.lambda) on the \(r.scale.rawValue) scale, intercept unpenalised.\n"
                + "Standard errors are from the inverse Hessian of the penalised objective.\n"
        case .firth:
            var out = "\nFirth bias-reduced fit (Jeffreys prior); penalised log-likelihood: "
                + String(format: "%.6f", penalizedLogLikelihood ?? .nan) + "\n"
                + "Deviances, AIC and log-likelihood are unpenalised, at the Firth estimate.\n"
            if let profileIntervals {
                out += "\nProfile penalised-likelihood confidence intervals (coefficients):\n"
                out += ProfileInterval.tableLines(terms: fit.coefficients.map(\.term), intervals: profileIntervals)
                    .joined(separator: "\n") + "\n"
            }
            return out
        }
    }
}
