import Foundation
import Testing
import Domain
@testable import Scoring

@Suite struct TierPolicyTests {
    func load(_ json: String) throws(ScoringError) -> TierPolicy {
        try TierPolicy.load(Data(json.utf8), file: "policy.json")
    }

    func message(_ json: String) -> String? {
        do {
            _ = try load(json)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultsAndPresets() throws {
        #expect(TierPolicy.standard.ratesBasisPoints == [.a: 300, .b: 500, .c: 1000, .d: 3000])
        #expect(TierPolicy.standard.frequencyCaps == [.a: 1, .b: 1, .c: 2, .d: 4])
        #expect(TierPolicy.standard.improveAfterRuns == 2)
        #expect(TierPolicy.standard.cutPoints == CutPoints.standard)
        #expect(try load(#"{"preset": "henan2021"}"#).ratesBasisPoints == [.a: 100, .b: 200, .c: 1000, .d: 3000])
        let custom = try load(#"{"rates_bp": {"A": 200, "B": 500, "C": 1500, "D": 5000}, "improve_after_runs": 3, "cut_points": {"B": 0.01, "C": 0.05, "D": 0.2}}"#)
        #expect(custom.ratesBasisPoints[.c] == 1500)
        #expect(custom.improveAfterRuns == 3)
        #expect(custom.cutPoints.d == 0.2)
        #expect(custom.frequencyCaps == TierPolicy.standardFrequencyCaps)
    }

    @Test func encodedPolicyLoadsBack() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(TierPolicy.henan2021)
        #expect(try TierPolicy.load(data, file: "p.json") == TierPolicy.henan2021)
    }

    @Test func validationMessagesVerbatim() {
        #expect(message(#"{"rates_bp": {"A": 300, "B": 500, "C": 200, "D": 3000}}"#)
            == "policy.json: `rates_bp` must be non-decreasing from A to D; got A 300, B 500, C 200, D 3000")
        #expect(message(#"{"rate_bp": {"A": 300}}"#)
            == "policy.json: `rate_bp` must be one of the policy keys cut_points, frequency_caps, improve_after_runs, preset, rates_bp; got an unknown key")
        #expect(message(#"{"rates_bp": {"A": 0, "B": 0, "C": 1000, "D": 3000}}"#)
            == "policy.json: `rates_bp.B` must be greater than 0 (only A may be 0); got 0")
        #expect(message(#"{"rates_bp": {"A": 300, "B": 500, "C": 1000}}"#)
            == "policy.json: `rates_bp` must be an object with the keys A, B, C, D; got A, B, C")
        #expect(message(#"{"rates_bp": {"A": 300, "B": 500, "C": 1000, "D": 30000}}"#)
            == "policy.json: `rates_bp.D` must be between 0 and 10000 basis points; got 30000")
        #expect(message(#"{"rates_bp": {"A": 300, "B": 500, "C": 1000, "E": 3000}}"#)
            == "policy.json: `rates_bp.E` must be a tier key A, B, C or D; got an unknown key")
        #expect(message(#"{"cut_points": {"B": 0.05, "C": 0.02, "D": 0.15}}"#)
            == "policy.json: `cut_points` must be increasing probabilities 0 < B < C < D < 1; got B 0.05, C 0.02, D 0.15")
        #expect(message(#"{"improve_after_runs": 0}"#) == "policy.json: `improve_after_runs` must be an integer ≥ 1; got 0")
        #expect(message(#"{"preset": "beijing"}"#) == "policy.json: `preset` must be one of henan2021, standard; got beijing")
        #expect(message("[1, 2]") == "policy.json: the policy must be a JSON object; got another JSON value")
        #expect(message("{rates") == "policy.json: the policy must be a JSON object; got text that is not JSON")
        #expect(message(#"{"improve_after_runs": "two"}"#) == "policy.json: `improve_after_runs` must be of type Int; got another type or null")
    }

    @Test func zeroRateOnlyForAWithAWarning() throws {
        let policy = try load(#"{"rates_bp": {"A": 0, "B": 500, "C": 1000, "D": 3000}}"#)
        #expect(policy.warnings == [.zeroRateForA])
        #expect(TierPolicy.standard.warnings.isEmpty)
    }
}
