import Domain
import Foundation
import Lottery
import Store

/// `risktier demo`: the whole month on the bundled synthetic city — store, import, model,
/// scoring run, and the month's lottery (freeze, draw, verify, record).
public enum DemoRun {
    /// The bundled city and its export's extract date (Datasets/synthetic-city/README.md).
    public static let cityFolder = "synthetic-city"
    public static let extractDate = CivilDate(year: 2025, month: 12, day: 31)!
    /// The model the demo uses: `risktier fit --store … --as-of 2024-12-31 --model-id synthetic-city-2024-12`.
    public static let modelId = "synthetic-city-2024-12"
    public static let fitAsOf = CivilDate(year: 2024, month: 12, day: 31)!
    /// Scoring date: the extract date (the last month the data covers).
    public static let scoreAsOf = CivilDate(year: 2025, month: 12, day: 31)!
    /// The fixed, documented demo seed. A real draw uses a seed published after the freeze
    /// (e.g. a lottery result); the demo fixes one so that its outputs are reproducible.
    public static let seed = "risktier-demo-2026-01-seed-20260115"
    /// The month's batch: food items, planned for 2026-01-15; the annual rates of DOMAIN.md §2.2
    /// (A 3 %, B 5 %, C 10 %, D 30 %) divided by 12 monthly batches, rounded up to whole basis points.
    public static let planJSON = """
        {"task": {"id": "demo-2026-01-food", "title": "2026年1月食品经营者双随机抽查（演示）", "domain": "food", "date": "2026-01-15",
                  "seed_source": "fixed demo seed (risktier demo); real draws publish a seed after the manifest digest"},
         "rates_bp": {"A": 25, "B": 42, "C": 84, "D": 250},
         "team_size": 2}

        """

    public struct Summary: Sendable {
        /// Lines to print.
        public let lines: [String]
    }

    /// Runs the demo into `outputDirectory`. The store there (`risktier.sqlite`) is the demo's
    /// own and is recreated on every run, so that two runs give the same bytes.
    public static func run(outputDirectory: String, datasetsDirectory: String, modelsDirectory: String,
                           progress: (String) -> Void = { _ in }) throws -> Summary {
        let manager = FileManager.default
        let city = URL(fileURLWithPath: datasetsDirectory).appendingPathComponent(cityFolder)
        guard manager.fileExists(atPath: city.appendingPathComponent("enterprises.csv").path) else {
            throw MonthlyRunError.io(path: city.path, message: "the bundled synthetic city is not here; run from the repository root or pass --datasets PATH/Datasets")
        }
        let out = URL(fileURLWithPath: outputDirectory)
        try manager.createDirectory(at: out, withIntermediateDirectories: true)
        let storePath = out.appendingPathComponent("risktier.sqlite").path
        for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: storePath + suffix) {
            try manager.removeItem(atPath: storePath + suffix)
        }
        var lines: [String] = []

        progress("init and import \(city.path)")
        _ = try InitStore.run(storePath: storePath)
        let files = try manager.contentsOfDirectory(atPath: city.path).filter { $0.hasSuffix(".csv") }.sorted().map { city.appendingPathComponent($0).path }
        let imported = try ImportRun.run(storePath: storePath, paths: files, extractDate: extractDate)
        lines.append("store: \(storePath) (\(imported.files.map(\.rows).reduce(0, +)) rows from \(files.count) files, extract date \(extractDate))")

        let bundledModel = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(modelId)
        let modelPath: String
        if manager.fileExists(atPath: bundledModel.appendingPathComponent("model.json").path) {
            modelPath = bundledModel.path
            lines.append("model: \(modelPath) (bundled)")
        } else {
            progress("fit \(modelId)")
            let fitted = out.appendingPathComponent("models")
            try? manager.removeItem(at: fitted.appendingPathComponent(modelId))
            let result = try MonthlyRun.fit(MonthlyFitRequest(storePath: storePath, asOf: fitAsOf, modelId: modelId))
            try MonthlyRun.writeModel(result, modelsDirectory: fitted.path)
            modelPath = fitted.appendingPathComponent(modelId).path
            lines.append("model: \(modelPath) (fitted now: no \(bundledModel.path))")
        }

        progress("score as of \(scoreAsOf)")
        let runFolder = out.appendingPathComponent("run").path
        let scored = try MonthlyRun.scoreRecordAndWrite(MonthlyScoreRequest(storePath: storePath, modelPath: modelPath, asOf: scoreAsOf), to: runFolder)
        lines.append("scores: \(runFolder)/scores.csv, transitions.csv, run.json")
        lines += scored.summary.lines(asOf: scoreAsOf)

        progress("freeze, draw, verify")
        let planPath = out.appendingPathComponent("plan.json").path
        try FitRun.writeAtomically(Data(planJSON.utf8), to: planPath)
        let frozen = out.appendingPathComponent("frozen").path
        let drawFolder = out.appendingPathComponent("draw").path
        let freeze = try DrawWorkflow.freeze(storePath: storePath, planPath: planPath, outputDirectory: frozen)
        let drawn = try DrawWorkflow.run(frozenDirectory: frozen, seed: seed, allowShortSeed: false, namesPath: nil, outputDirectory: drawFolder)
        let recordPath = drawFolder + "/record.json"
        guard case let .confirmed(message) = try DrawWorkflow.verify(frozenDirectory: frozen, recordPath: recordPath) else {
            throw DrawError.usage("the demo draw did not verify")
        }
        _ = try DrawWorkflow.record(storePath: storePath, frozenDirectory: frozen, recordPath: recordPath)
        lines.append("plan: \(planPath)")
        lines.append("frozen: \(frozen)/ (population \(freeze.population), roster \(freeze.roster), conflicts \(freeze.conflicts)); manifest SHA-256 \(freeze.manifestSHA256)")
        lines.append("draw: \(recordPath), \(drawFolder)/selections.csv, \(drawFolder)/notice.html (seed '\(seed)')")
        let record = drawn.record
        lines.append("drawn: \(record.selections.count) enterprises ("
            + record.strata.map { "\($0.stratum.name) \($0.sampleSize)/\($0.population)" }.joined(separator: ", ")
            + "), \(record.unassigned.count) unassigned")
        lines.append(message)
        return Summary(lines: lines)
    }
}
