import ArgumentParser
import Domain
import Foundation
import RiskTierKit

/// `risktier fit --store PATH --as-of DATE [--label-window 12m] --model-id ID [--models DIR]`.
struct StoreFitOptions: ParsableArguments {
    @Option(help: "Path of the SQLite store to fit on (instead of --csv).")
    var store: String?

    @Option(name: .customLong("as-of"), help: "Training as-of date t (YYYY-MM-DD): features at t, labels in (t, t + window].")
    var asOf: String?

    @Option(name: .customLong("data-end"), help: "The export's extract date (YYYY-MM-DD); default: the newest event in the store.")
    var dataEnd: String?

    @Option(name: .customLong("label-window"), help: "Label window, e.g. 12m.")
    var labelWindow: String = "12m"

    @Option(name: .customLong("model-id"), help: "Id of the new model; written to <models-dir>/<id>/ (never overwritten).")
    var modelId: String?

    @Option(name: [.customLong("models-dir"), .customLong("models")], help: "Folder holding the model folders.")
    var models: String = "Models"
}

extension FitCommand {
    func validateMode() throws {
        let csvMode = csv != nil || formula != nil
        let storeMode = storeFit.store != nil || storeFit.asOf != nil
        if csvMode == storeMode {
            throw ValidationError("give either --csv and --formula (ad-hoc fit) or --store, --as-of and --model-id (model fit)")
        }
        if csvMode {
            guard csv != nil, formula != nil else { throw ValidationError("`--csv` and `--formula` go together") }
        } else {
            guard storeFit.store != nil, storeFit.asOf != nil, storeFit.modelId != nil else {
                throw ValidationError("`--store`, `--as-of` and `--model-id` go together")
            }
            guard CivilDate(iso: storeFit.asOf!) != nil else { throw ValidationError("`--as-of` must be a date YYYY-MM-DD; got \(storeFit.asOf!)") }
            if let dataEnd = storeFit.dataEnd, CivilDate(iso: dataEnd) == nil {
                throw ValidationError("`--data-end` must be a date YYYY-MM-DD; got \(dataEnd)")
            }
            guard labelWindowMonths != nil else {
                throw ValidationError("`--label-window` must be a number of months like 12m; got \(storeFit.labelWindow)")
            }
        }
    }

    var labelWindowMonths: Int? {
        guard storeFit.labelWindow.hasSuffix("m"), let months = Int(storeFit.labelWindow.dropLast()), months >= 1 else { return nil }
        return months
    }

    func runStoreFit() throws {
        let request = MonthlyFitRequest(storePath: storeFit.store!, asOf: CivilDate(iso: storeFit.asOf!)!, modelId: storeFit.modelId!,
                                        labelWindowMonths: labelWindowMonths!, dataEnd: storeFit.dataEnd.flatMap { CivilDate(iso: $0) },
                                        control: .init(epsilon: epsilon, maximumIterations: maxIterations))
        do {
            let result = try MonthlyRun.fit(request)
            try MonthlyRun.writeModel(result, modelsDirectory: storeFit.models)
            for warning in result.warnings { FileHandle.standardError.write(Data("warning: \(warning.message)\n".utf8)) }
            print(result.summary, terminator: "")
            print("\nCalibration on the random-draw arm (Horvitz–Thompson, w = 1/π), also in calibration.csv:")
            print(String(decoding: result.calibration, as: UTF8.self), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("risktier fit: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
