// TODO(#4): written for issue 4 but not yet run or tested, and not wired to a command.
import Foundation
import LinearAlgebra
import Reports
import Statistics

/// A saved model applied to the rows of a CSV.
public struct ScoredRows: Sendable {
    public let lineNumbers: [Int]
    public let linearPredictor: [Double]
    public let probabilities: [Double]
    public let tiers: [String]
    /// The response column's 0/1 values when the CSV has it (for validation), else nil.
    public let outcomes: [Double]?

    /// `line,linear_predictor,probability,tier` with shortest round-trip numbers.
    public var csv: String {
        var out = "line,linear_predictor,probability,tier\n"
        for i in probabilities.indices {
            out += "\(lineNumbers[i]),\(linearPredictor[i]),\(probabilities[i]),\(tiers[i])\n"
        }
        return out
    }
}

extension ModelRun {
    /// Builds the model's design from the CSV with the TRAINING factor levels (an unknown level,
    /// a missing column or a non-numeric value is an error naming file, line and column) and
    /// computes η and p exactly as the fit did.
    public static func score(_ model: FormulaModel, csvPath: String) throws(ModelError) -> ScoredRows {
        let table: FitTable
        do { table = try FitRun.readTable(path: csvPath) } catch { throw .fit(error) }
        func index(_ column: String) throws(ModelError) -> Int {
            guard let i = table.header.firstIndex(of: column) else { throw .missingColumn(file: table.file, column: column) }
            return i
        }
        let n = table.rows.count
        var values: [Double] = []
        values.reserveCapacity(n * model.spec.columns.count)
        for column in model.spec.columns {
            guard let variable = column.variable else {
                values.append(contentsOf: [Double](repeating: 1, count: n))
                continue
            }
            let c = try index(variable)
            if let level = column.level {
                let levels = model.spec.factors.first { $0.variable == variable }?.levels ?? []
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
        if let o = model.spec.offset {
            let c = try index(o)
            offset = []
            for (r, row) in table.rows.enumerated() {
                guard let x = FitDesign.number(row[c]) else {
                    throw .badValue(file: table.file, line: table.lineNumbers[r], column: o, requirement: "a finite number", value: row[c])
                }
                offset!.append(x)
            }
        }
        let x = Matrix(rows: n, columns: model.spec.columns.count, columnMajor: values)
        let eta = LogisticPrediction.linearPredictor(design: x, coefficients: model.coefficients.map(\.estimate), offset: offset)
        let p = LogisticPrediction.probabilities(design: x, coefficients: model.coefficients.map(\.estimate), offset: offset)
        var outcomes: [Double]? = nil
        if let c = table.header.firstIndex(of: model.spec.response) {
            let ys = table.rows.map { FitDesign.number($0[c]) }
            if ys.allSatisfy({ $0 == 0 || $0 == 1 }) { outcomes = ys.map { $0! } }
        }
        return ScoredRows(lineNumbers: table.lineNumbers, linearPredictor: eta, probabilities: p,
                          tiers: p.map { model.cutPoints.tier($0).rawValue }, outcomes: outcomes)
    }
}
