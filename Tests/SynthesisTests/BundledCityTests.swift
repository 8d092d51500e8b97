import Domain
import Foundation
import RiskTierKit
import Synthesis
import Testing

/// The bundled city `Datasets/synthetic-city` is exactly what its README's command generates,
/// and its README's TRUE coefficients reproduce its label count.
@Suite struct BundledCityTests {
    static let readme = try! String(contentsOf: SynthTestSupport.bundledCity.appendingPathComponent("README.md"), encoding: .utf8)

    /// `--enterprises N --seed S --start D --years Y` from the README's command line.
    static func commandSpec() throws -> CitySpec {
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("risktier synth ") })
        let words = line.split(separator: " ").map(String.init)
        func value(_ flag: String) throws -> String { words[try #require(words.firstIndex(of: flag)) + 1] }
        return try CitySpec(enterpriseCount: Int(try value("--enterprises"))!, seed: UInt64(try value("--seed"))!,
                            start: CivilDate(iso: try value("--start"))!, years: Int(try value("--years"))!)
    }

    /// The TRUE β of the README's table, in `LatentModel.termNames` order.
    static func readmeCoefficients() throws -> [Double] {
        try LatentModel.termNames.map { term in
            let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| `\(term)` |") }, "README lacks \(term)")
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            return try #require(Double(cells.last!))
        }
    }

    @Test func regeneratingGivesTheSameBytes() throws {
        let directory = SynthTestSupport.temporaryDirectory("bundle")
        _ = try SynthCity.generate(try Self.commandSpec(), into: directory)
        #expect(try SynthTestSupport.digests(directory) == SynthTestSupport.digests(SynthTestSupport.bundledCity.path))
    }

    @Test func readmeCoefficientsAreTheGeneratorsTruth() throws {
        #expect(try Self.readmeCoefficients() == LatentModel.truth.coefficients)
    }

    @Test func bundleIsSmallEnough() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SynthTestSupport.bundledCity.path)
        var total = 0
        for name in files where name.hasSuffix(".csv") {
            let attributes = try FileManager.default.attributesOfItem(atPath: SynthTestSupport.bundledCity.appendingPathComponent(name).path)
            total += (attributes[.size] as! NSNumber).intValue
        }
        #expect(total < 15_000_000)
    }

    /// The test's own recomputation of features and labels from the bundled files, with the
    /// README's β: the README's stated counts are exact, and the label count lies within 4 sd
    /// (√Σp(1−p)) of Σp — a wrong β or a feature the files do not carry would break it.
    @Test func readmeBetaReproducesTheStatedEventRate() throws {
        let spec = try Self.commandSpec()
        let city = try SynthTestSupport.read(SynthTestSupport.bundledCity.path, extractDate: spec.extractDate)
        let check = ModelRecomputation(enterprises: city.enterprises, events: city.events, asOf: spec.referenceDate,
                                       coefficients: try Self.readmeCoefficients())
        #expect(Self.readme.contains("| observed in (t, t + 12 months] | \(check.observed) ("))
        let rate = String(format: "%.1f", 100 * Double(check.labels) / Double(check.observed))
        #expect(Self.readme.contains("| label events (y = 1) among observed | \(check.labels) (event rate \(rate) %) |"))
        #expect(Self.readme.contains("| random arm (random_draw in the window) | \(check.randomArm) firms"))
        #expect(Self.readme.contains("reference as-of date t | \(spec.referenceDate) |"))
        #expect(abs(Double(check.labels) - check.probabilitySum) <= 4 * check.probabilityVariance.squareRoot())
        #expect(city.inspectors.contains { !$0.active })
        #expect(city.warnings.isEmpty)
    }
}
