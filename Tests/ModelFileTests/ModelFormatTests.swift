import Foundation
import Scoring
import Testing

/// The one `model.json` format: the bundled store model, the format-1 file it was migrated
/// from, and formula models.
@Suite("model.json format")
struct ModelFormatTests {
    static let bundled = "Models/synthetic-city-2024-12/model.json"

    @Test("the bundled model is format 2, a feature model, and re-encodes to the same bytes")
    func bundledModel() throws {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.path(Self.bundled)))
        let model = try Model.load(bytes)
        #expect(model.formatVersion == 2)
        #expect(model.spec.kind == "features")
        #expect(model.spec.featureSpec?.names.count == model.coefficients.count - 1)
        #expect(model.spec.response == "label")
        #expect(model.spec.formula.hasPrefix("label ~ pen_count_12m + pen_count_36m + "))
        #expect(model.fitOptions.estimator == .glm)
        #expect(model.jsonData() == bytes)
    }

    /// The migration moved fields only: the format-1 file (Datasets/model-format-1, the bundled
    /// file before issue 4) loads to exactly the same model, every number bit for bit.
    @Test("a format-1 file loads to the same model as its migrated format-2 file")
    func formatOneIsConverted() throws {
        let old = try Model.load(contentsOf: Repository.path("Datasets/model-format-1/model.json"))
        let new = try Model.load(contentsOf: Repository.path(Self.bundled))
        #expect(old == new)
        #expect(old.coefficients.map(\.estimate) == new.coefficients.map(\.estimate))
        #expect(old.covariance == new.covariance)
    }

    @Test("a newer format is refused with the upgrade message")
    func newerFormat() throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Repository.path(Self.bundled))), as: UTF8.self)
            .replacingOccurrences(of: "\"format_version\" : 2", with: "\"format_version\" : 3")
        let error = #expect(throws: ScoringError.self) { try Model.load(Data(text.utf8), file: "Models/x/model.json") }
        #expect(error?.description == "Models/x/model.json: `format_version` must be at most 2 (this RiskTier reads model format 2); got 3. Upgrade risktier to read this model")
    }

    @Test("an unknown spec kind and an unknown estimator are named")
    func unknownKinds() throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: Repository.path(Self.bundled))), as: UTF8.self)
        let kind = #expect(throws: ScoringError.self) {
            try Model.load(Data(text.replacingOccurrences(of: "\"kind\" : \"features\"", with: "\"kind\" : \"tree\"").utf8))
        }
        #expect(kind?.description == "model.json: `spec.kind` must be \"features\" or \"formula\"; got tree")
        let estimator = #expect(throws: ScoringError.self) {
            try Model.load(Data(text.replacingOccurrences(of: "\"estimator\" : \"glm\"", with: "\"estimator\" : \"lasso\"").utf8))
        }
        #expect(estimator?.description == "model.json: `fit_options.estimator` must be glm, firth or ridge; got lasso")
    }

    @Test("a missing model file names the path")
    func missingFile() throws {
        let folder = try temporaryDirectory()
        let error = #expect(throws: ScoringError.self) { try Model.load(contentsOf: folder.path) }
        #expect(error?.description == "\(folder.path)/model.json: the model file must exist and be readable; got no such file (fit one with `risktier fit … --model-id ID`)")
    }
}
