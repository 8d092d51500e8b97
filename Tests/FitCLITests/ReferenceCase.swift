import Foundation

/// One R reference fit, `Datasets/<dataset>/reference/<case>.r.json`, made by the committed
/// `make_reference.R` beside it (R 4.2.2 `glm`, run once by the refs helper; R is not needed
/// at test time).
struct ReferenceCase: Decodable, CustomTestStringConvertible, Sendable {
    struct Row: Decodable, Sendable {
        let term: String
        let estimate: Double?
        let std_error: Double?
        let z_value: Double?
        let p_value: Double?
        let aliased: Bool
        /// √diag((XᵀWX)⁻¹) with W at the final estimate (null for the separated designs).
        let std_error_at_estimate: Double?
    }

    let `case`: String
    let source: String
    let csv: String
    let formula: String
    let weights: String?
    let offset: String?
    let coefficients: [Row]
    let null_deviance: Double
    let residual_deviance: Double
    let df_null: Int
    let df_residual: Int
    let loglik: Double
    let aic: Double
    let bic: Double
    let pearson_chi2: Double
    let iterations: Int
    let converged: Bool
    let warnings: [String]
    let fitted_first10: [Double]
    let linear_predictor_first10: [Double]

    /// Where this JSON was read from (set after decoding).
    var path = ""

    enum CodingKeys: String, CodingKey {
        case `case`, source, csv, formula, weights, offset, coefficients, null_deviance, residual_deviance
        case df_null, df_residual, loglik, aic, bic, pearson_chi2, iterations, converged, warnings
        case fitted_first10, linear_predictor_first10
    }

    var testDescription: String { self.case }

    /// The ε R was run with, read from `source` ("… (epsilon=1e-14, maxit=100)").
    var epsilon: Double {
        guard let range = source.range(of: "epsilon=") else { return 1e-8 }
        let rest = source[range.upperBound...].prefix { $0 != "," && $0 != ")" }
        return Double(rest) ?? 1e-8
    }

    /// The separated toy designs: the MLE does not exist, and R's numbers are wherever its
    /// iteration stopped (see the reference notes).
    var isSeparated: Bool { self.case.hasPrefix("separation") }

    /// R's text with its "glm.fit: " prefix removed (our warnings carry R's text without it).
    var warningMessages: [String] {
        warnings.map { $0.hasPrefix("glm.fit: ") ? String($0.dropFirst("glm.fit: ".count)) : $0 }
    }

    /// R's printed summary beside the JSON.
    var summaryText: String {
        (try? String(contentsOfFile: path.replacingOccurrences(of: ".r.json", with: ".r.summary.txt"), encoding: .utf8)) ?? ""
    }

    static let all: [ReferenceCase] = {
        let root = RepositoryRoot.url
        let datasets = root.appendingPathComponent("Datasets")
        var cases: [ReferenceCase] = []
        let fm = FileManager.default
        for dataset in ((try? fm.contentsOfDirectory(atPath: datasets.path)) ?? []).sorted() {
            let dir = datasets.appendingPathComponent(dataset).appendingPathComponent("reference")
            for file in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where file.hasSuffix(".r.json") {
                let url = dir.appendingPathComponent(file)
                guard let data = try? Data(contentsOf: url),
                      var reference = try? JSONDecoder().decode(ReferenceCase.self, from: data) else {
                    fatalError("cannot decode \(url.path)")
                }
                reference.path = url.path
                cases.append(reference)
            }
        }
        return cases
    }()
}

import Testing
