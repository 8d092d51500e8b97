import Foundation
import Testing
import Domain
import Scoring
@testable import RiskTierKit

/// Fitting the bundled city at its reference date recovers the TRUE latent coefficients
/// (Datasets/synthetic-city/README.md), reproduces the committed demo model, and is calibrated
/// on the random-draw arm.
@Suite(.serialized) struct CoefficientRecoveryTests {
    /// TRUE β of the latent model (README table). Every other feature's true β is 0.
    static let truth: [String: Double] = [
        "(Intercept)": -3.10, "pen_count_36m": 0.50, "samp_fail_36m": 0.70, "insp_serious_36m": 0.90, "abnormal_now": 1.00,
        "compl_subst_12m": 0.60, "age_log_years": -0.20, "domain_drug": -0.40, "domain_special_equipment": 0.45,
    ]

    static func fittedCity() throws -> (MonthlyFitResult, URL) {
        let folder = try MonthlyRunTests.temporaryDirectory()
        let storePath = folder.appendingPathComponent("city.sqlite").path
        let city = MonthlyCLITests.root.appendingPathComponent("Datasets/synthetic-city")
        _ = try InitStore.run(storePath: storePath)
        let files = try FileManager.default.contentsOfDirectory(atPath: city.path).filter { $0.hasSuffix(".csv") }.sorted().map { city.appendingPathComponent($0).path }
        _ = try ImportRun.run(storePath: storePath, paths: files, extractDate: DemoRun.extractDate)
        return (try MonthlyRun.fit(MonthlyFitRequest(storePath: storePath, asOf: DemoRun.fitAsOf, modelId: DemoRun.modelId)), folder)
    }

    @Test func trueCoefficientsLieInTheir95PercentIntervalsAndTheBundledModelIsReproduced() throws {
        let (fit, folder) = try Self.fittedCity()
        defer { try? FileManager.default.removeItem(at: folder) }
        let byName = Dictionary(uniqueKeysWithValues: fit.model.coefficients.map { ($0.name, $0) })
        for (name, beta) in Self.truth.sorted(by: { $0.key < $1.key }) {
            let c = try #require(byName[name], "\(name)")
            let estimate = try #require(c.estimate), se = try #require(c.standardError)
            // Wald 95 % interval, z = 1.959964: the truth must lie inside for each term.
            #expect(abs(estimate - beta) <= 1.959964 * se, "\(name): β̂ \(estimate) ± 1.96·\(se) misses the TRUE \(beta)")
        }
        // The committed demo model is what `risktier fit --store … --as-of 2024-12-31 --model-id
        // synthetic-city-2024-12` writes: the same text, every number within 1e-9 relative.
        // Not the same bytes: OpenBLAS picks its kernel by CPU (Haswell, SkylakeX, Cooperlake …)
        // and each sums XᵀWX in its own order, which moves the last digits of a 17-digit
        // coefficient (≈ 1e-15 relative, times the design's conditioning). On one machine the
        // fit is deterministic (MonthlyRunTests check that byte for byte).
        let committed = MonthlyCLITests.root.appendingPathComponent("Models/\(DemoRun.modelId)")
        let model = try #require(FileManager.default.contents(atPath: committed.appendingPathComponent("model.json").path))
        #expect(Self.sameTextAndNumbers(model, fit.model.jsonData()))
        let calibration = try #require(FileManager.default.contents(atPath: committed.appendingPathComponent("calibration.csv").path))
        #expect(Self.sameTextAndNumbers(calibration, fit.calibration))
    }

    /// Whether `a` and `b` are the same text once every decimal number in them is compared as a
    /// number, within `relative` (and 1e-300 absolute, for zeros).
    static func sameTextAndNumbers(_ a: Data, _ b: Data, relative: Double = 1e-9) -> Bool {
        let pattern = #/-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/#
        func split(_ data: Data) -> (text: [Substring], numbers: [Double]) {
            let string = String(decoding: data, as: UTF8.self)
            var text: [Substring] = [], numbers: [Double] = []
            var rest = string[...]
            while let match = rest.firstMatch(of: pattern) {
                text.append(rest[..<match.range.lowerBound])
                numbers.append(Double(match.output.0)!)
                rest = rest[match.range.upperBound...]
            }
            text.append(rest)
            return (text, numbers)
        }
        let (x, y) = (split(a), split(b))
        guard x.text == y.text, x.numbers.count == y.numbers.count else { return false }
        return zip(x.numbers, y.numbers).allSatisfy { u, v in abs(u - v) <= relative * max(abs(u), abs(v)) + 1e-300 }
    }

    @Test func randomArmCalibrationPerTier() throws {
        let (fit, folder) = try Self.fittedCity()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lines = String(decoding: fit.calibration, as: UTF8.self).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first?.joined(separator: ",") == MonthlyRun.calibrationHeader)
        let all = try #require(lines.first { $0.first == "all" })
        let rows = try #require(Int(all[1])), weighted = try #require(Double(all[2]))
        let observed = try #require(Double(all[3])), predicted = try #require(Double(all[4]))
        #expect(rows > 100)
        // Overall HT-weighted observed vs predicted on the random arm: within 3 binomial
        // standard errors of the predicted rate on the effective sample (the weighted n, a
        // conservative stand-in for Kish's n_eff would be smaller; 3 SE keeps a false alarm
        // below 0.3 %).
        let se = (predicted * (1 - predicted) / Double(rows)).squareRoot()
        #expect(abs(observed - predicted) <= 3 * se, "observed \(observed) vs predicted \(predicted) (HT n \(weighted), rows \(rows))")
    }
}
