import Scoring
import Statistics

/// A fitted analyst model: the design's columns (term, variable, level) and the fit.
public struct FitResult: Sendable {
    public let request: FitRequest
    public let columns: [FitDesign.Column]
    public let fit: LogisticFit
    /// The design's factors: training levels (reference first) and reference level.
    public var factors: [FormulaFactor] = []
    /// The response as fitted (0/1 or proportions), one per CSV row.
    public var response: [Double] = []
    /// Firth profile penalised-likelihood intervals by design column (nil unless requested).
    public var profileIntervals: [ProfileInterval?]? = nil
    /// Firth: l(β̂) + ½ log det I(β̂).
    public var penalizedLogLikelihood: Double? = nil

    /// The printed summary: R's `summary.glm` layout, warnings, odds ratios.
    public var summary: String {
        var call = "risktier fit --csv \(request.csvPath) --formula '\(request.formula)'"
        if let w = request.weightsColumn { call += " --weights \(w)" }
        if let o = request.offsetColumn { call += " --offset \(o)" }
        return fit.summary(call: call + penaltyCallSuffix) + penaltySummary
    }
}
