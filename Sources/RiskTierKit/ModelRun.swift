// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Foundation
import LinearAlgebra
import Lottery
import Reports
import Statistics

/// Saving an analyst fit as a versioned model (`risktier fit … --model-id`), loading it, and
/// applying it to new rows (`risktier score --model … --csv`).
public enum ModelRun {
    /// Fits, then writes `<modelsDirectory>/<modelId>/model.json` and `summary.txt`. The folder
    /// is built under a temporary name and renamed into place, so a model is complete or absent;
    /// an existing folder is an error (a model is never overwritten).
    public static func fitAndSave(
        _ request: FitRequest, modelId: String, modelsDirectory: String, cutPoints: TierCutPoints = .standard
    ) throws(ModelError) -> (result: FitResult, model: FormulaModel, path: String) {
        guard isValidId(modelId) else { throw .invalidId(modelId) }
        let folder = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(modelId)
        if FileManager.default.fileExists(atPath: folder.path) { throw .exists(path: folder.path) }
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: request.csvPath)) } catch {
            throw .io(path: request.csvPath, message: "cannot read: \(error.localizedDescription)")
        }
        let result: FitResult, table: FitTable
        do {
            result = try FitRun.fit(request)
            table = try FitRun.readTable(path: request.csvPath)
        } catch { throw .fit(error) }
        let model = makeModel(result, table: table, modelId: modelId, cutPoints: cutPoints,
                              sha256: TicketHasher.sha256Hex(bytes))
        let temporary = URL(fileURLWithPath: modelsDirectory).appendingPathComponent(".\(modelId).partial")
        do {
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            try encode(model).write(to: temporary.appendingPathComponent("model.json"))
            try Data(result.summary.utf8).write(to: temporary.appendingPathComponent("summary.txt"))
            // rename(2) of a directory fails if the target exists and is non-empty: no overwrite race.
            guard rename(temporary.path, folder.path) == 0 else {
                throw CocoaError(.fileWriteFileExists, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if FileManager.default.fileExists(atPath: folder.path) { throw .exists(path: folder.path) }
            throw .io(path: folder.path, message: "cannot write the model: \(error.localizedDescription)")
        }
        return (result, model, folder.path)
    }

    static func isValidId(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...64).contains(bytes.count), bytes[0] != UInt8(ascii: ".") else { return false }
        return bytes.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
    }

    /// Sorted keys, pretty-printed, newline-terminated: byte-identical for the same fit.
    static func encode(_ model: FormulaModel) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(model)
        data.append(0x0A)
        return data
    }

    static func makeModel(_ result: FitResult, table: FitTable, modelId: String, cutPoints: TierCutPoints, sha256: String) -> FormulaModel {
        let fit = result.fit
        var factors: [FormulaModel.Factor] = []
        for variable in result.columns.compactMap({ $0.level == nil ? nil : $0.variable }) where !factors.contains(where: { $0.variable == variable }) {
            let c = table.header.firstIndex(of: variable)!
            let shown = result.columns.filter { $0.variable == variable }.compactMap(\.level)
            let all = Set(table.rows.map { label($0[c]) })
            let reference = all.subtracting(shown).sorted().first
            factors.append(.init(variable: variable, levels: (reference.map { [$0] } ?? []) + shown, reference: reference))
        }
        let formula = try? FitFormula(parsing: result.request.formula)
        let estimator: String, lambda: Double?, scale: String?
        switch result.request.penalty {
        case .none: (estimator, lambda, scale) = ("glm", nil, nil)
        case .firth: (estimator, lambda, scale) = ("firth", nil, nil)
        case let .ridge(r): (estimator, lambda, scale) = ("ridge", r.lambda, r.scale.rawValue)
        }
        let names = fit.coefficients.filter { !$0.aliased }.map(\.term)
        let cov = fit.covariance
        return FormulaModel(
            formatVersion: FormulaModel.currentFormatVersion, kind: "formula", modelId: modelId,
            spec: .init(formula: result.request.formula, response: formula?.response ?? "",
                        weights: result.request.weightsColumn, offset: result.request.offsetColumn,
                        columns: result.columns.map { .init(term: $0.term, variable: $0.variable, level: $0.level) },
                        factors: factors),
            coefficients: fit.coefficients.map { .init(name: $0.term, estimate: $0.estimate, stdError: $0.standardError) },
            covariance: .init(names: names, values: (0..<cov.rows).map { i in (0..<cov.columns).map { cov[i, $0] } }),
            cutPoints: cutPoints, trainingDataSHA256: sha256, rowCount: fit.observationCount,
            fitOptions: .init(estimator: estimator, ridgeLambda: lambda, ridgeScale: scale,
                              epsilon: result.request.control.epsilon, maximumIterations: result.request.control.maximumIterations),
            packageVersion: RiskTierVersion.current)
    }

    /// A factor level label as the design builds it: numbers as R prints them, text as is.
    static func label(_ text: String) -> String {
        FitDesign.number(text).map(FitDesign.numericLabel) ?? text
    }

    /// Reads `<folder>/model.json` (or a model.json path). A newer `format_version` is refused
    /// before the rest is decoded.
    public static func load(_ path: String) throws(ModelError) -> FormulaModel {
        var url = URL(fileURLWithPath: path)
        if !url.path.hasSuffix(".json") { url = url.appendingPathComponent("model.json") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .unreadable(path: url.path, message: "no such file or not readable") }
        struct Header: Decodable { let format_version: Int?; let kind: String? }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), let version = header.format_version else {
            throw .unreadable(path: url.path, message: "not a model.json (no `format_version`)")
        }
        guard version <= FormulaModel.currentFormatVersion else {
            throw .newerFormat(path: url.path, version: version, supported: FormulaModel.currentFormatVersion)
        }
        guard header.kind == "formula" else {
            throw .invalidField(path: url.path, field: "kind", requirement: "\"formula\" (feature models are scored with --store)", got: header.kind ?? "none")
        }
        do { return try JSONDecoder().decode(FormulaModel.self, from: data) } catch {
            throw .unreadable(path: url.path, message: "\(error)")
        }
    }
}
