import Foundation
import Testing

/// End to end: the built `risktier` saves a model, refuses to overwrite it, scores a CSV with it,
/// and keeps --csv and --store apart.
@Suite("risktier fit --model-id / score --csv")
struct ModelCLITests {
    static let train = "y,x,g\n0,0.5,a\n1,1.5,b\n0,0.2,a\n1,2.0,b\n0,1.7,b\n1,0.4,a\n0,0.3,a\n1,0.9,b\n0,1.2,a\n1,0.8,b\n"

    static func folder() throws -> URL {
        let folder = try temporaryDirectory()
        try train.write(to: folder.appendingPathComponent("train.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("fit --csv --model-id writes model.json and summary.txt; the same id again fails and changes nothing")
    func fitSavesOnce() throws {
        let folder = try Self.folder()
        let arguments = ["fit", "--csv", "train.csv", "--formula", "y ~ x + g", "--model-id", "m1", "--models-dir", "Models",
                         "--cut-probabilities", "0.3,0.5,0.7"]
        let first = try CLI.run(arguments, in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Tier cut points (fixed probabilities): A < 0.3 <= B < 0.5 <= C < 0.7 <= D"))
        #expect(first.stdout.contains("Model written to Models/m1 (model.json, summary.txt)"))
        let models = folder.appendingPathComponent("Models")
        #expect(try FileManager.default.contentsOfDirectory(atPath: models.appendingPathComponent("m1").path).sorted() == ["model.json", "summary.txt"])
        let before = snapshot(models)
        let second = try CLI.run(arguments, in: folder)
        #expect(second.status == 1)
        #expect(second.stderr == "risktier fit: model folder Models/m1 already exists; a model is never overwritten: choose another --model-id\n")
        #expect(snapshot(models) == before)
    }

    @Test("score --model --csv --out writes line, linear predictor, probability and tier")
    func scoreCSV() throws {
        let folder = try Self.folder()
        #expect(try CLI.run(["fit", "--csv", "train.csv", "--formula", "y ~ x + g", "--model-id", "m1", "--cut-shares", "0.2,0.3,0.3"], in: folder).status == 0)
        let result = try CLI.run(["score", "--model", "Models/m1", "--csv", "train.csv", "--out", "scores.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "scored 10 rows of train.csv with Models/m1 → scores.csv: A 2, B 3, C 3, D 2\n")
        let lines = try String(contentsOf: folder.appendingPathComponent("scores.csv"), encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "line,linear_predictor,probability,tier")
        #expect(lines.count == 11)
        #expect(lines[1].hasPrefix("2,"))
    }

    @Test("score errors: unknown level (exit 1, nothing written); --csv with --store (exit 2)")
    func scoreErrors() throws {
        let folder = try Self.folder()
        #expect(try CLI.run(["fit", "--csv", "train.csv", "--formula", "y ~ x + g", "--model-id", "m1"], in: folder).status == 0)
        try "x,g\n0.5,a\n0.5,z\n".write(to: folder.appendingPathComponent("new.csv"), atomically: true, encoding: .utf8)
        let unknown = try CLI.run(["score", "--model", "Models/m1", "--csv", "new.csv", "--out", "scores.csv"], in: folder)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "risktier score: new.csv:3: `g` must be one of the training levels a, b; got \"z\"\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("scores.csv").path))
        let both = try CLI.run(["score", "--model", "Models/m1", "--csv", "new.csv", "--store", "s.sqlite", "--out", "x"], in: folder)
        #expect(both.status == 2)
        #expect(both.stderr.contains("`--csv` (score a CSV with a formula model) and --store (score a store) are mutually exclusive; choose one mode"))
        let neither = try CLI.run(["score", "--model", "Models/m1", "--out", "x"], in: folder)
        #expect(neither.status == 2)
        #expect(neither.stderr.contains("`--as-of` is required to score a store (or give --csv to score a CSV with a formula model)"))
    }

    @Test("fit usage errors exit 2")
    func fitUsage() throws {
        let folder = try Self.folder()
        let shares = try CLI.run(["fit", "--csv", "train.csv", "--formula", "y ~ x", "--cut-shares", "0.5,0.5"], in: folder)
        #expect(shares.status == 2)
        #expect(shares.stderr.contains("`--cut-shares` must be 3 or 4 comma-separated numbers (shares of A,B,C[,D]); got 0.5,0.5"))
        let split = try CLI.run(["fit", "--csv", "train.csv", "--formula", "y ~ x", "--time-split", "date"], in: folder)
        #expect(split.status == 2)
        #expect(split.stderr.contains("`--time-split` must be COLUMN=YYYY-MM-DD; got date"))
        let noId = try CLI.run(["fit", "--csv", "train.csv", "--formula", "y ~ x", "--cut-probabilities", "0.1,0.2,0.3"], in: folder)
        #expect(noId.status == 2)
        #expect(noId.stderr.contains("`--cut-shares` and `--cut-probabilities` set the cut points of a saved model: add --model-id ID"))
    }

    @Test("fit --cv and --time-split print the validations")
    func validationOutput() throws {
        let folder = try temporaryDirectory()
        let result = try CLI.run(["fit", "--csv", Repository.path("Datasets/german_credit/reference/validation_split.csv"),
                                  "--formula", "bad ~ duration_in_month + credit_amount", "--cv", "5", "--cv-seed", "7",
                                  "--time-split", "application_date=2021-01-01"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Cross-validated AUC (5 folds, seed 7):\n  fold 1: 200 rows, AUC 0."))
        #expect(result.stdout.contains("Time-split validation on `application_date`: fit on 731 rows before 2021-01-01, test on 269 rows on or after it\n  test AUC 0."))
    }
}
