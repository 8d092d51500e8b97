import Domain
import Features
import Foundation
import Scoring
import Statistics

/// What `risktier fit --store` needs.
public struct MonthlyFitRequest: Sendable {
    public var storePath: String
    public var asOf: CivilDate
    public var modelId: String
    public var labelWindowMonths: Int
    /// The export's extract date (last day the data cover); nil = the newest event's date.
    public var dataEnd: CivilDate?
    public var featureOptions: FeatureOptions
    public var weighting: TrainingData.Weighting
    public var cutPoints: CutPoints
    public var control: LogisticRegression.Control

    public init(storePath: String, asOf: CivilDate, modelId: String, labelWindowMonths: Int = 12, dataEnd: CivilDate? = nil, featureOptions: FeatureOptions = FeatureOptions(),
                weighting: TrainingData.Weighting = .unweighted, cutPoints: CutPoints = .standard, control: LogisticRegression.Control = .init()) {
        self.storePath = storePath
        self.asOf = asOf
        self.modelId = modelId
        self.labelWindowMonths = labelWindowMonths
        self.dataEnd = dataEnd
        self.featureOptions = featureOptions
        self.weighting = weighting
        self.cutPoints = cutPoints
        self.control = control
    }
}

/// A fitted model with its printed summary.
public struct MonthlyFitResult: Sendable {
    public let model: Model
    public let summary: String
    public let warnings: [FitWarning]
    /// `calibration.csv` (random arm, Horvitz–Thompson), written beside model.json.
    public var calibration = Data()
}

extension MonthlyRun {
    /// Features at t, labels in (t, t + window], logistic fit, `Model`.
    public static func fit(_ request: MonthlyFitRequest) throws(MonthlyRunError) -> MonthlyFitResult {
        let store = try openStore(request.storePath)
        // The data end is the newest event in the store, checked after the pass; the builder
        // gets the earliest data end that admits t so that it does not refuse first.
        let rates = TierPolicy.standard.ratesBasisPoints
        let label = LabelOptions(dataEnd: request.asOf.adding(months: request.labelWindowMonths), horizonMonths: request.labelWindowMonths,
                                 inclusionProbabilities: try recordedInclusionProbabilities(store, asOf: request.asOf, horizonMonths: request.labelWindowMonths),
                                 annualStratumRates: rates.mapValues { Double($0) / 10_000 },
                                 fallbackInclusionProbability: Double(rates[.b]!) / 10_000)
        func labelsObserved(_ dataEnd: CivilDate?) -> Bool {
            dataEnd.map { request.asOf <= $0.adding(months: -request.labelWindowMonths) } ?? false
        }
        let (builder, latest, _) = try features(store: store, asOf: request.asOf, options: request.featureOptions, label: label,
                                                latestSuffices: { request.dataEnd != nil || labelsObserved($0) })
        let dataEnd = request.dataEnd ?? latest
        guard labelsObserved(dataEnd), let dataEnd else {
            throw .labelWindowBeyondData(asOf: request.asOf, latestEvent: dataEnd, months: request.labelWindowMonths)
        }
        let set = builder.featureSet(priors: builder.estimatedPriors)
        do {
            let training = try TrainingData(set, weighting: request.weighting, control: request.control)
            let fit: LogisticFit
            do {
                fit = try training.regression.fit()
            } catch {
                throw MonthlyRunError.engine(error.description)
            }
            let model = try Model(modelId: request.modelId, fit: fit, training: training,
                                  featureSpec: FeatureSpec(options: request.featureOptions, priors: set.priors), cutPoints: request.cutPoints,
                                  trainingDataSHA256: sha256(training.canonicalCSV()),
                                  fitOptions: ModelFitOptions(asOf: request.asOf, labelWindowMonths: request.labelWindowMonths, epsilon: request.control.epsilon,
                                                           maximumIterations: request.control.maximumIterations),
                                  packageVersion: RiskTierVersion.current)
            let call = "risktier fit --as-of \(request.asOf) --label-window \(request.labelWindowMonths)m --model-id \(request.modelId)"
            var result = MonthlyFitResult(model: model, summary: fit.summary(call: call), warnings: fit.warnings)
            result.calibration = try calibrationCSV(model: model, set: set)
            return result
        } catch let error as MonthlyRunError {
            throw error
        } catch let error as ScoringError {
            throw .scoring(error.description)
        } catch {
            throw .engine("\(error)")
        }
    }

    /// Writes `<modelsDirectory>/<id>/model.json` and `summary.txt`; an existing model folder
    /// is an error (models are versioned, never overwritten).
    public static func writeModel(_ result: MonthlyFitResult, modelsDirectory: String) throws(MonthlyRunError) {
        let folder = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(result.model.modelId)
        guard !FileManager.default.fileExists(atPath: folder.path) else { throw .modelExists(path: folder.path) }
        // Build in a temporary sibling folder, then rename it into place: all or nothing.
        let temporary = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(".\(result.model.modelId).partial")
        do {
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            try result.model.jsonData().write(to: temporary.appendingPathComponent("model.json"))
            try Data(result.summary.utf8).write(to: temporary.appendingPathComponent("summary.txt"))
            if !result.calibration.isEmpty { try result.calibration.write(to: temporary.appendingPathComponent("calibration.csv")) }
            guard rename(temporary.path, folder.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .io(path: folder.path, message: "cannot write the model: \(error.localizedDescription)")
        }
    }
}
