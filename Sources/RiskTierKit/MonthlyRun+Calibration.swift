import Domain
import Features
import Foundation
import Scoring

/// Calibration of a fitted model on the random-draw arm (DOMAIN.md §5.2): only random draws
/// are an unbiased sample, each drawn firm weighted 1/π (Horvitz–Thompson).
extension MonthlyRun {
    public static let calibrationHeader = "tier,random_rows,weighted_n,observed_rate,predicted_rate,all_label_rows,all_observed_rate,all_predicted_rate"

    /// `calibration.csv`: per model tier (and `all`), on the random-arm rows the HT-weighted
    /// observed rate Σw·y/Σw and predicted rate Σw·p̂/Σw (w = 1/π), then the unweighted rates on
    /// every labelled row (biased by targeting; shown for contrast). Rates to 6 decimals.
    static func calibrationCSV(model: Model, set: FeatureSet) throws(MonthlyRunError) -> Data {
        let scores: [ScoredEnterprise]
        do {
            scores = try Scorer(model: model).score(set)
        } catch {
            throw .scoring(error.description)
        }
        struct Cell { var rows = 0, w = 0.0, wy = 0.0, wp = 0.0, all = 0, y = 0.0, p = 0.0 }
        var cells: [String: Cell] = [:]
        for (index, score) in scores.enumerated() where index < set.labels.count {
            guard let label = set.labels[index] else { continue }
            for key in [score.modelTier.rawValue, "all"] {
                var cell = cells[key] ?? Cell()
                cell.all += 1
                cell.y += label.outcome ? 1 : 0
                cell.p += score.probability
                if label.isRandomDraw, let w = label.horvitzThompsonWeight {
                    cell.rows += 1
                    cell.w += w
                    cell.wy += label.outcome ? w : 0
                    cell.wp += w * score.probability
                }
                cells[key] = cell
            }
        }
        func rate(_ numerator: Double, _ denominator: Double) -> String {
            denominator > 0 ? String(format: "%.6f", numerator / denominator) : ""
        }
        var text = calibrationHeader + "\n"
        for key in ["A", "B", "C", "D", "all"] {
            let c = cells[key] ?? Cell()
            text += [key, String(c.rows), String(format: "%.1f", c.w), rate(c.wy, c.w), rate(c.wp, c.w),
                     String(c.all), rate(c.y, Double(c.all)), rate(c.p, Double(c.all))].joined(separator: ",") + "\n"
        }
        return Data(text.utf8)
    }
}
