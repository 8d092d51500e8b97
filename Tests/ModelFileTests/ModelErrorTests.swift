import Foundation
import RiskTierKit
import Scoring
import Testing

/// Saving never overwrites; applying a model to bad rows names file, line and column.
@Suite("Model saving and scoring errors")
struct ModelErrorTests {
    /// A small model y ~ x + g (g a text factor with levels a, b) saved in a fresh folder.
    static func savedModel() throws -> (folder: URL, models: URL, model: Model) {
        let folder = try temporaryDirectory()
        let csv = folder.appendingPathComponent("train.csv")
        try "y,x,g\n0,0.5,a\n1,1.5,b\n0,0.2,a\n1,2.0,b\n0,1.7,b\n1,0.4,a\n0,0.3,a\n1,0.9,b\n0,1.2,a\n1,0.8,b\n".write(to: csv, atomically: true, encoding: .utf8)
        let models = folder.appendingPathComponent("Models")
        let saved = try ModelRun.fitAndSave(FitRequest(csvPath: csv.path, formula: "y ~ x + g"), modelId: "m1", modelsDirectory: models.path)
        return (folder, models, saved.model)
    }

    @Test("a second save with the same id is an error and changes nothing")
    func neverOverwrite() throws {
        let (folder, models, _) = try Self.savedModel()
        let before = snapshot(models)
        let error = #expect(throws: ModelError.self) {
            try ModelRun.fitAndSave(FitRequest(csvPath: folder.appendingPathComponent("train.csv").path, formula: "y ~ x"),
                                    modelId: "m1", modelsDirectory: models.path)
        }
        #expect(error?.description == "model folder \(models.path)/m1 already exists; a model is never overwritten: choose another --model-id")
        #expect(snapshot(models) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.path) == ["m1"])
    }

    @Test("an invalid id is a usage error")
    func invalidId() throws {
        let (folder, models, _) = try Self.savedModel()
        let error = #expect(throws: ModelError.self) {
            try ModelRun.fitAndSave(FitRequest(csvPath: folder.appendingPathComponent("train.csv").path, formula: "y ~ x"),
                                    modelId: "../x", modelsDirectory: models.path)
        }
        #expect(error?.description == "`--model-id` must be 1 to 64 characters from A-Z a-z 0-9 . _ - not starting with a dot; got ../x")
        #expect(error?.exitCode == 2)
    }

    static func score(_ text: String) throws -> ModelError? {
        let (folder, _, model) = try savedModel()
        let csv = folder.appendingPathComponent("new.csv")
        try text.write(to: csv, atomically: true, encoding: .utf8)
        return #expect(throws: ModelError.self) { try ModelRun.score(model, csvPath: csv.path) }
    }

    @Test("an unknown factor level names file, line, column and the training levels")
    func unknownLevel() throws {
        #expect(try Self.score("x,g\n0.5,a\n0.7,c\n")?.description == "new.csv:3: `g` must be one of the training levels a, b; got \"c\"")
    }

    @Test("a missing column is named")
    func missingColumn() throws {
        #expect(try Self.score("x,h\n0.5,a\n")?.description == "new.csv: column `g` must be present (the model uses it); got a header without it")
    }

    @Test("a non-numeric value names file, line and column")
    func nonNumeric() throws {
        #expect(try Self.score("x,g\n0.5,a\n0.5,b\nabc,a\n")?.description == "new.csv:4: `x` must be a number; got \"abc\"")
    }

    @Test("a newer model format is refused when loading a model folder")
    func newerFormat() throws {
        let (_, models, _) = try Self.savedModel()
        let file = models.appendingPathComponent("m1/model.json")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"format_version\" : 2", with: "\"format_version\" : 7")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let error = #expect(throws: ModelError.self) { try ModelRun.load(models.appendingPathComponent("m1").path) }
        #expect(error?.description == "\(file.path): `format_version` must be at most 2 (the newest model format this risktier reads); got 7: upgrade risktier to read this model")
    }

    @Test("a store model cannot score a CSV")
    func wrongKind() throws {
        let model = try ModelRun.load(Repository.path("Models/synthetic-city-2024-12"))
        let error = #expect(throws: ModelError.self) {
            try ModelRun.score(model, csvPath: Repository.path("Datasets/toy_designs/separation_zero_cell.csv"), modelPath: "Models/synthetic-city-2024-12")
        }
        #expect(error?.description == "Models/synthetic-city-2024-12: `spec.kind` must be formula to score a CSV (a feature model scores a store: --store); got features")
    }

    @Test("a formula model cannot score a store")
    func formulaModelHasNoScorer() throws {
        let (_, _, model) = try Self.savedModel()
        let error = #expect(throws: ScoringError.self) { try Scorer(model: model) }
        #expect(error?.description == "model.json: `spec.kind` must be features (a store model; score a formula model with --csv); got formula")
    }
}
