import ArgumentParser
import Domain
import Foundation
import RiskTierKit
import Scoring

/// `risktier fit --csv … --model-id ID`: save the fit as a versioned model with tier cut
/// points; `--cv K` / `--time-split COLUMN=DATE`: out-of-sample checks printed after the fit.
struct CSVModelOptions: ParsableArguments {
    @Option(name: .customLong("cut-shares"),
            help: "With --model-id: tier cut points giving tiers A,B,C,D these shares of the training rows (4 shares summing to 1, or 3 for A,B,C with D the rest), e.g. 0.6,0.25,0.1,0.05.")
    var cutShares: String?

    @Option(name: .customLong("cut-probabilities"),
            help: "With --model-id: fixed probability cut points A|B,B|C,C|D (increasing, in (0, 1)); default 0.02,0.05,0.15.")
    var cutProbabilities: String?

    @Option(name: .customLong("cv"), help: "Print the K-fold cross-validated AUC (folds from --cv-seed; each fold refitted with the chosen estimator).")
    var crossValidationFolds: Int?

    @Option(name: .customLong("cv-seed"), help: "Seed of the cross-validation folds (SplitMix64 Fisher–Yates, see CrossValidation.foldAssignment).")
    var crossValidationSeed: UInt64 = 1

    @Option(name: .customLong("time-split"),
            help: "COLUMN=YYYY-MM-DD: fit on the rows whose date column is before the date, print the AUC on the rows on or after it.")
    var timeSplit: String?

    /// The cut-point choice, or a usage error.
    func cutPointChoice() throws -> CutPointChoice {
        if let cutShares {
            guard let values = Self.numbers(cutShares), values.count == 3 || values.count == 4 else {
                throw ValidationError("`--cut-shares` must be 3 or 4 comma-separated numbers (shares of A,B,C[,D]); got \(cutShares)")
            }
            let shares = values.count == 4 ? values : values + [1 - values.reduce(0, +)]
            guard shares.allSatisfy({ $0 >= 0 }), abs(shares.reduce(0, +) - 1) < 1e-9 else {
                throw ValidationError("`--cut-shares` must be non-negative shares summing to 1 (3 shares: at most 1); got \(cutShares)")
            }
            return .shares(shares)
        }
        if let cutProbabilities {
            guard let values = Self.numbers(cutProbabilities), values.count == 3 else {
                throw ValidationError("`--cut-probabilities` must be 3 comma-separated probabilities (A|B,B|C,C|D); got \(cutProbabilities)")
            }
            do {
                return .probabilities(try CutPoints(b: values[0], c: values[1], d: values[2], file: "--cut-probabilities"))
            } catch {
                throw ValidationError("`--cut-probabilities` must be increasing probabilities 0 < A|B < B|C < C|D < 1; got \(cutProbabilities)")
            }
        }
        return .standard
    }

    /// (column, date) of --time-split, or a usage error.
    func timeSplitColumn() throws -> (column: String, date: CivilDate)? {
        guard let timeSplit else { return nil }
        let parts = timeSplit.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, let date = CivilDate(iso: parts[1]) else {
            throw ValidationError("`--time-split` must be COLUMN=YYYY-MM-DD; got \(timeSplit)")
        }
        return (parts[0], date)
    }

    func validate(csvMode: Bool, modelId: String?) throws {
        _ = try cutPointChoice()
        _ = try timeSplitColumn()
        if cutShares != nil || cutProbabilities != nil || crossValidationFolds != nil || timeSplit != nil {
            guard csvMode else { throw ValidationError("`--cut-shares`, `--cut-probabilities`, `--cv` and `--time-split` go with --csv") }
        }
        if cutShares != nil && cutProbabilities != nil {
            throw ValidationError("`--cut-shares` and `--cut-probabilities` cannot be combined; choose one")
        }
        if (cutShares != nil || cutProbabilities != nil) && modelId == nil {
            throw ValidationError("`--cut-shares` and `--cut-probabilities` set the cut points of a saved model: add --model-id ID")
        }
        if let k = crossValidationFolds, k < 2 { throw ValidationError("`--cv` must be a number of folds >= 2; got \(k)") }
    }

    static func numbers(_ text: String) -> [Double]? {
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return values.map { $0! }
    }
}

extension FitCommand {
    /// The CSV fit, saved as `<models-dir>/<id>` when --model-id is given, then the validations.
    func runCSVFit(_ request: FitRequest) throws {
        do {
            if let modelId = storeFit.modelId {
                let saved = try ModelRun.fitAndSave(request, modelId: modelId, modelsDirectory: storeFit.models,
                                                    cutPoints: try modelOptions.cutPointChoice())
                if let json { try FitRun.writeAtomically(try FitReport(saved.result).jsonData(), to: json) }
                for warning in saved.tiers.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
                print(saved.summary, terminator: "")
                print("\nModel written to \(saved.path) (model.json, summary.txt)")
            } else {
                let result = try FitRun.fit(request)
                if let json {
                    try FitRun.writeAtomically(try FitReport(result).jsonData(), to: json)
                } else {
                    print(result.summary, terminator: "")
                }
            }
            if let k = modelOptions.crossValidationFolds {
                let cv = try ValidationRun.crossValidate(request, folds: k, seed: modelOptions.crossValidationSeed)
                print("\n" + ValidationRun.text(cv, seed: modelOptions.crossValidationSeed), terminator: "")
            }
            if let (column, date) = try modelOptions.timeSplitColumn() {
                print("\n" + ValidationRun.text(try ValidationRun.timeSplit(request, column: column, at: date)), terminator: "")
            }
        } catch let error as FitError {
            FileHandle.standardError.write(Data("risktier fit: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("risktier fit: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }
}
