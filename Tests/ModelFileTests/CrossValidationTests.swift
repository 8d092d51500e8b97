import Foundation
import RiskTierKit
import Statistics
import Testing

/// k-fold cross-validated AUC and the time split against scikit-learn with the same folds
/// (Datasets/german_credit/reference/validation_cv.json, script make_reference_cv.py, data
/// validation_split.csv with the fold column and a synthetic application_date).
@Suite("Cross-validation and time split against scikit-learn")
struct CrossValidationTests {
    static let csv = "Datasets/german_credit/reference/validation_split.csv"

    static func reference() throws -> [String: Any] { try Repository.json("Datasets/german_credit/reference/validation_cv.json") }

    static func request(_ reference: [String: Any]) -> FitRequest {
        FitRequest(csvPath: Repository.path(csv), formula: reference["formula"] as! String)
    }

    /// The committed fold column was written by an independent implementation of the
    /// documented rule (SplitMix64 Fisher–Yates); ours must reproduce it exactly.
    @Test("the fold assignment for the seed equals the committed fold column")
    func foldAssignment() throws {
        let reference = try Self.reference()
        let text = try String(contentsOfFile: Repository.path(Self.csv), encoding: .utf8)
        let committed = text.split(separator: "\n").dropFirst().map { Int($0.split(separator: ",").last!)! }
        let ours = CrossValidation.foldAssignment(count: committed.count, folds: reference["folds"] as! Int,
                                                  seed: UInt64(reference["seed"] as! Int))
        #expect(ours == committed)
        #expect(Dictionary(grouping: ours, by: { $0 }).values.map(\.count).sorted() == [200, 200, 200, 200, 200])
    }

    @Test("fold sizes differ by at most one; the seed matters", arguments: [(7, 3, UInt64(1)), (10, 10, 2), (1001, 4, 99)])
    func foldProperties(_ n: Int, _ k: Int, _ seed: UInt64) {
        let folds = CrossValidation.foldAssignment(count: n, folds: k, seed: seed)
        let sizes = (0..<k).map { f in folds.filter { $0 == f }.count }
        #expect(sizes.max()! - sizes.min()! <= 1, "seed \(seed)")
        #expect(folds == CrossValidation.foldAssignment(count: n, folds: k, seed: seed))
        if n > 3 { #expect(folds != CrossValidation.foldAssignment(count: n, folds: k, seed: seed + 1), "seed \(seed)") }
    }

    /// Our fold fits and scikit-learn's (newton-cholesky, tol 1e-12) reach the same MLE to
    /// ~1e-10 relative; the AUC depends only on the order of the 200 test scores, whose gaps
    /// are far larger than that, so the per-fold AUCs agree to rounding of the U statistic:
    /// 1e-12 absolute.
    @Test("5-fold AUCs, mean and pooled")
    func crossValidatedAUC() throws {
        let reference = try Self.reference()
        let cv = try ValidationRun.crossValidate(Self.request(reference), folds: reference["folds"] as! Int,
                                                 seed: UInt64(reference["seed"] as! Int))
        let folds = reference["per_fold"] as! [[String: Any]]
        #expect(cv.holdouts.map(\.testRows.count) == folds.map { $0["test_rows"] as! Int })
        for (ours, r) in zip(cv.foldAUCs, folds) {
            #expect(abs(ours - (r["auc"] as! Double)) <= 1e-12, "fold \(r["fold"]!)")
        }
        #expect(abs(cv.meanAUC - (reference["mean_auc"] as! Double)) <= 1e-12)
        #expect(abs(cv.pooledAUC - (reference["pooled_auc"] as! Double)) <= 1e-12)
        let allConverged = cv.holdouts.allSatisfy(\.converged)
        #expect(allConverged)
        #expect(ValidationRun.text(cv, seed: 20261125).contains("Cross-validated AUC (5 folds, seed 20261125):"))
    }

    @Test("time split: fit before 2021-01-01, AUC on or after")
    func timeSplit() throws {
        let reference = try Self.reference()
        let r = reference["time_split"] as! [String: Any]
        let split = try ValidationRun.timeSplit(Self.request(reference), column: r["column"] as! String, at: .init(iso: r["date"] as! String)!)
        #expect(split.holdout.trainRows.count == r["train_rows"] as! Int)
        #expect(split.holdout.testRows.count == r["test_rows"] as! Int)
        #expect(abs(split.holdout.auc - (r["auc"] as! Double)) <= 1e-12)
    }

    @Test("time-split errors: a bad date value, and a date with no rows on one side")
    func timeSplitErrors() throws {
        let reference = try Self.reference()
        let bad = #expect(throws: FitError.self) { try ValidationRun.timeSplit(Self.request(reference), column: "duration_in_month", at: .init(iso: "2021-01-01")!) }
        #expect(bad?.description == "validation_split.csv:2: `duration_in_month` must be a date YYYY-MM-DD; got 6")
        let empty = #expect(throws: FitError.self) { try ValidationRun.timeSplit(Self.request(reference), column: "application_date", at: .init(iso: "2030-01-01")!) }
        #expect(empty?.description == "validation_split.csv: `--time-split` must be a date with rows of `application_date` on both sides (training rows before it, test rows on or after it); got 2030-01-01: 1000 rows before and 0 on or after")
    }
}
