import Foundation
import Testing
import Domain
import Features
@testable import Scoring

@Suite struct ModelJSONTests {
    typealias S = ScoringFixtures

    @Test func roundTripIsByteIdentical() throws {
        let model = try S.model(intercept: -3.912023005428146, beta: [.penCount36m: 0.123456789012345, .sampFailRateShrunk: 1e-10],
                                means: [.ageLogYears: 2.0794415416798357], aliased: [.entityTypeOther])
        let bytes = model.jsonData()
        let loaded = try Model.load(bytes)
        #expect(loaded == model)
        #expect(loaded.jsonData() == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        // Sorted keys at the top level, a final newline, the aliased coefficient without numbers.
        #expect(text.hasPrefix("{\n  \"coefficients\" : ["))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"name\" : \"entity_type_other\"\n"))
        #expect(text.contains("\"training_data_sha256\" : \"" + String(repeating: "ab", count: 32) + "\""))
    }

    @Test func newerFormatVersionIsRefused() throws {
        let text = String(decoding: try S.model().jsonData(), as: UTF8.self)
            .replacingOccurrences(of: "\"format_version\" : 2", with: "\"format_version\" : 3")
        let error = #expect(throws: ScoringError.self) { try Model.load(Data(text.utf8), file: "Models/x/model.json") }
        #expect(error?.description == "Models/x/model.json: `format_version` must be at most 2 (this RiskTier reads model format 2); got 3. Upgrade risktier to read this model")
    }

    @Test func missingFieldIsNamed() throws {
        let text = String(decoding: try S.model().jsonData(), as: UTF8.self)
            .replacingOccurrences(of: "\"row_count\"", with: "\"rows\"")
        let error = #expect(throws: ScoringError.self) { try Model.load(Data(text.utf8)) }
        #expect(error?.description == "model.json: `row_count` must be present; got nothing")
    }

    @Test func coefficientsMustMatchTheFeatureSpec() throws {
        let model = try S.model()
        let error = #expect(throws: ScoringError.self) {
            try Model(modelId: "x", spec: model.spec, coefficients: Array(model.coefficients.dropLast()),
                      covariance: model.covariance, trainingMeans: model.trainingMeans, trainingDataSHA256: model.trainingDataSHA256,
                      rowCount: 1, fitOptions: model.fitOptions, packageVersion: "0.1.0")
        }
        #expect(error?.description.hasPrefix("model.json: `coefficients` must be named (Intercept), pen_count_12m,") == true)
    }

    @Test func modelIdNamesASafeFolder() throws {
        for bad in ["", "..", ".hidden", "a/b", "a b", "模型", String(repeating: "x", count: 65)] {
            #expect(throws: ScoringError.self, "\(bad)") { try S.model(id: bad) }
        }
        _ = try S.model(id: "city-2024.06_v2")
    }
}
