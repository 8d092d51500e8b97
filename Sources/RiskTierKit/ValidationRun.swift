import Domain
import Foundation
import Statistics

/// The out-of-sample checks `risktier fit --csv` prints with `--cv K` and `--time-split
/// COLUMN=DATE`: k-fold cross-validated AUC with seeded folds, and a time split (fit on the
/// rows dated before DATE, AUC on the rows dated on or after it). Both refit with the
/// request's estimator.
public enum ValidationRun {
    /// k-fold cross-validation with `CrossValidation.foldAssignment(count:folds:seed:)`.
    public static func crossValidate(_ request: FitRequest, folds: Int, seed: UInt64) throws(FitError) -> CrossValidation {
        let (table, _, regression) = try FitRun.prepare(request)
        guard folds >= 2, folds <= table.rows.count else {
            throw .validation(file: table.file, option: "--cv", requirement: "a number of folds in 2...\(table.rows.count) (the rows)", got: String(folds))
        }
        do {
            return try CrossValidation(regression, foldCount: folds, seed: seed, estimator: request.penalty.estimator)
        } catch {
            throw .engine(file: table.file, message: "cross-validation: \(error.description)")
        }
    }

    /// Fit on the rows whose `column` (a date YYYY-MM-DD) is before `date`, test on the rest.
    public static func timeSplit(_ request: FitRequest, column: String, at date: CivilDate) throws(FitError) -> TimeSplitValidation {
        let (table, _, regression) = try FitRun.prepare(request)
        let c = try table.index(of: column)
        var train: [Int] = [], test: [Int] = []
        for (r, row) in table.rows.enumerated() {
            guard let day = CivilDate(iso: row[c]) else {
                throw .outOfRange(file: table.file, line: table.lineNumbers[r], column: column, requirement: "a date YYYY-MM-DD", value: row[c])
            }
            if day < date { train.append(r) } else { test.append(r) }
        }
        guard !train.isEmpty, !test.isEmpty else {
            throw .validation(file: table.file, option: "--time-split",
                              requirement: "a date with rows of `\(column)` on both sides (training rows before it, test rows on or after it)",
                              got: "\(date): \(train.count) rows before and \(test.count) on or after")
        }
        do {
            let holdout = try HoldoutValidation(regression, trainRows: train, testRows: test, estimator: request.penalty.estimator)
            return TimeSplitValidation(column: column, splitDate: date, holdout: holdout)
        } catch {
            throw .engine(file: table.file, message: "time-split validation: \(error.description)")
        }
    }

    /// The lines `fit --csv --cv` prints.
    public static func text(_ cv: CrossValidation, seed: UInt64) -> String {
        var out = "Cross-validated AUC (\(cv.foldCount) folds, seed \(seed)):\n"
        for (k, h) in cv.holdouts.enumerated() {
            out += "  fold \(k + 1): \(h.testRows.count) rows, AUC \(format(h.auc))\(h.converged ? "" : " (fit did not converge)")\n"
        }
        out += "  mean AUC \(format(cv.meanAUC)); pooled out-of-fold AUC \(format(cv.pooledAUC))\n"
        return out
    }

    /// The lines `fit --csv --time-split` prints.
    public static func text(_ split: TimeSplitValidation) -> String {
        let h = split.holdout
        let ci = h.roc.delongInterval()
        return "Time-split validation on `\(split.column)`: fit on \(h.trainRows.count) rows before \(split.splitDate), "
            + "test on \(h.testRows.count) rows on or after it\(h.converged ? "" : " (fit did not converge)")\n"
            + "  test AUC \(format(h.auc)) (DeLong 95% CI \(format(ci.lowerBound))–\(format(ci.upperBound)))\n"
    }

    static func format(_ x: Double) -> String { String(format: "%.4f", x) }
}
