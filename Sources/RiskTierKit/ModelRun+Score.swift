import Foundation
import LinearAlgebra
import Scoring
import Statistics

extension ModelRun {
    /// Builds the model's design from the CSV with the TRAINING factor levels and computes η
    /// and p exactly as the fit did (`LogisticPrediction`, the fits' own η = Xβ + offset and
    /// inverse logit). A missing column, a level not seen in training or a non-numeric value is
    /// an error naming file, line and column. `path` names the model in messages.
    public static func score(_ model: Model, csvPath: String, modelPath: String = "model.json") throws(ModelError) -> ScoredRows {
        guard let spec = model.spec.formulaSpec else {
            throw .wrongKind(path: modelPath, kind: model.spec.kind, requirement: "formula to score a CSV (a feature model scores a store: --store)")
        }
        let table: FitTable
        do { table = try FitRun.readTable(path: csvPath) } catch { throw .fit(error) }
        func index(_ column: String) throws(ModelError) -> Int {
            guard let i = table.header.firstIndex(of: column) else { throw .missingColumn(file: table.file, column: column) }
            return i
        }
        // Every used column must be present before any value is read.
        let used = spec.columns.compactMap(\.variable) + [spec.offset].compactMap { $0 }
        var indices: [String: Int] = [:]
        for column in used where indices[column] == nil { indices[column] = try index(column) }
        let n = table.rows.count
        var values: [Double] = []
        values.reserveCapacity(n * spec.columns.count)
        for column in spec.columns {
            guard let variable = column.variable else {
                values.append(contentsOf: [Double](repeating: 1, count: n))
                continue
            }
            let c = indices[variable]!
            if let level = column.level {
                let levels = spec.levels(of: variable) ?? []
                for (r, row) in table.rows.enumerated() {
                    let value = label(row[c])
                    guard levels.contains(value) else {
                        throw .unknownLevel(file: table.file, line: table.lineNumbers[r], column: variable, value: row[c], levels: levels)
                    }
                    values.append(value == level ? 1 : 0)
                }
            } else {
                for (r, row) in table.rows.enumerated() {
                    guard let x = FitDesign.number(row[c]) else {
                        throw .badValue(file: table.file, line: table.lineNumbers[r], column: variable, requirement: "a number", value: row[c])
                    }
                    values.append(x)
                }
            }
        }
        var offset: [Double]? = nil
        if let o = spec.offset {
            let c = indices[o]!
            var column: [Double] = []
            for (r, row) in table.rows.enumerated() {
                guard let x = FitDesign.number(row[c]) else {
                    throw .badValue(file: table.file, line: table.lineNumbers[r], column: o, requirement: "a finite number", value: row[c])
                }
                column.append(x)
            }
            offset = column
        }
        let x = Matrix(rows: n, columns: spec.columns.count, columnMajor: values)
        let eta = LogisticPrediction.linearPredictor(design: x, coefficients: model.estimates, offset: offset)
        let p = LogisticPrediction.probabilities(design: x, coefficients: model.estimates, offset: offset)
        var outcomes: [Double]? = nil
        if let c = table.header.firstIndex(of: spec.response) {
            let ys = table.rows.map { FitDesign.number($0[c]) }
            if ys.allSatisfy({ $0 == 0 || $0 == 1 }) { outcomes = ys.map { $0! } }
        }
        return ScoredRows(lineNumbers: table.lineNumbers, linearPredictor: eta, probabilities: p,
                          tiers: p.map { model.cutPoints.tier(for: $0) }, outcomes: outcomes)
    }

    /// A factor level label as the design builds it: numbers as R prints them, text as is.
    static func label(_ text: String) -> String {
        FitDesign.number(text).map(FitDesign.numericLabel) ?? text
    }

    /// Scores the CSV and writes `line,linear_predictor,probability,tier` to `outPath`
    /// atomically; nothing is written on error.
    public static func scoreAndWrite(modelPath: String, csvPath: String, outPath: String) throws(ModelError) -> ScoredRows {
        let model = try load(modelPath)
        let scored = try score(model, csvPath: csvPath, modelPath: modelPath)
        do { try FitRun.writeAtomically(Data(scored.csv.utf8), to: outPath) } catch { throw .fit(error) }
        return scored
    }
}
