import Foundation
import Statistics

/// The `--json` document of `risktier fit --csv`: snake_case keys, aliased numbers null.
public struct FitReport: Encodable, Sendable {
    /// One coefficient row.
    public struct CoefficientRow: Encodable, Sendable {
        public let term: String
        public let variable: String?
        public let level: String?
        public let estimate: Double?
        public let stdError: Double?
        public let zValue: Double?
        public let pValue: Double?
        public let aliased: Bool
        public let oddsRatio: Double?
        public let confLow: Double?
        public let confHigh: Double?

        enum CodingKeys: String, CodingKey {
            case term, variable, level, estimate, aliased
            case stdError = "std_error", zValue = "z_value", pValue = "p_value"
            case oddsRatio = "odds_ratio", confLow = "conf_low", confHigh = "conf_high"
        }

        /// JSON has no NaN or infinity: such a value (an odds ratio overflowing under separation)
        /// is written as null.
        private func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }

        // Explicit so that nil numbers are written as null rather than left out.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(term, forKey: .term)
            try c.encode(variable, forKey: .variable)
            try c.encode(level, forKey: .level)
            try c.encode(finite(estimate), forKey: .estimate)
            try c.encode(finite(stdError), forKey: .stdError)
            try c.encode(finite(zValue), forKey: .zValue)
            try c.encode(finite(pValue), forKey: .pValue)
            try c.encode(aliased, forKey: .aliased)
            try c.encode(finite(oddsRatio), forKey: .oddsRatio)
            try c.encode(finite(confLow), forKey: .confLow)
            try c.encode(finite(confHigh), forKey: .confHigh)
        }
    }

    public let coefficients: [CoefficientRow]

    public let nullDeviance: Double
    public let residualDeviance: Double
    public let dfNull: Int
    public let dfResidual: Int
    public let loglik: Double
    public let aic: Double
    public let bic: Double
    public let pearsonChi2: Double
    public let nobs: Int
    public let iterations: Int
    public let converged: Bool
    public let warnings: [String]

    enum CodingKeys: String, CodingKey {
        case coefficients, loglik, aic, bic, nobs, iterations, converged, warnings
        case nullDeviance = "null_deviance", residualDeviance = "residual_deviance"
        case dfNull = "df_null", dfResidual = "df_residual", pearsonChi2 = "pearson_chi2"
    }

    public init(_ result: FitResult) {
        let fit = result.fit
        coefficients = zip(result.columns, fit.coefficients).map { column, c in
            let interval = c.confidenceInterval()
            return CoefficientRow(
                term: c.term, variable: column.variable, level: column.level, estimate: c.estimate,
                stdError: c.standardError, zValue: c.zValue, pValue: c.pValue, aliased: c.aliased,
                oddsRatio: c.oddsRatio, confLow: interval?.lowerBound, confHigh: interval?.upperBound)
        }
        nullDeviance = fit.nullDeviance
        residualDeviance = fit.residualDeviance
        dfNull = fit.nullDegreesOfFreedom
        dfResidual = fit.residualDegreesOfFreedom
        loglik = fit.logLikelihood
        aic = fit.aic
        bic = fit.bic
        pearsonChi2 = fit.pearsonChiSquare
        nobs = fit.observationCount
        iterations = fit.iterations
        converged = fit.converged
        warnings = fit.warnings.map(\.message)
    }

    /// Pretty-printed, sorted keys, newline-terminated: byte-identical for the same fit.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
