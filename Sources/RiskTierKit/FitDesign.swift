import Foundation
import LinearAlgebra
import Scoring

/// The model matrix R's `model.matrix` would build for a `FitFormula` over a `FitTable`
/// (treatment contrasts, intercept first), with the response, weights and offset.
public struct FitDesign: Sendable {
    /// One design column: its R term name, the data column it comes from, and the factor level
    /// it indicates (nil for the intercept and numeric columns).
    public struct Column: Sendable, Equatable {
        public let term: String
        public let variable: String?
        public let level: String?
    }

    public let columns: [Column]
    public let matrix: Matrix
    public let response: [Double]
    public let weights: [Double]?
    public let offset: [Double]?
    public let interceptColumn: Int?
    /// Every factor's levels in R's order (reference first) and its reference level (nil when
    /// all levels got a column: the first factor of a model without intercept).
    public let factors: [FormulaFactor]

    /// Builds the design; every bad value is reported with file, line and column.
    public init(table: FitTable, formula: FitFormula, weightsColumn: String?, offsetColumn: String?) throws(FitError) {
        let file = table.file
        guard !table.header.isEmpty, !table.rows.isEmpty else { throw .emptyFile(file: file) }
        let responseIndex = try table.index(of: formula.response)
        let termIndices = try formula.terms.map { (term: FitFormula.Term) throws(FitError) -> Int in
            try table.index(of: term.column)
        }
        let weightsIndex = try weightsColumn.map { (c: String) throws(FitError) -> Int in try table.index(of: c) }
        let offsetIndex = try offsetColumn.map { (c: String) throws(FitError) -> Int in try table.index(of: c) }

        // Missing values, first in file order (R would drop the row; an analyst should decide).
        let used = [responseIndex] + termIndices + [weightsIndex, offsetIndex].compactMap { $0 }
        for (r, row) in table.rows.enumerated() {
            for c in used where Self.isMissing(row[c]) {
                throw .missingValue(file: file, line: table.lineNumbers[r], column: table.header[c])
            }
        }

        let n = table.rows.count
        var columns: [Column] = []
        var factors: [FormulaFactor] = []
        var values: [[Double]] = []
        if formula.hasIntercept {
            columns.append(Column(term: "(Intercept)", variable: nil, level: nil))
            values.append([Double](repeating: 1, count: n))
        }
        var fullDummyCodingAvailable = !formula.hasIntercept
        for (term, c) in zip(formula.terms, termIndices) {
            let name = table.header[c]
            let texts = table.rows.map { $0[c] }
            let numbers = texts.map(Self.number)
            let allNumeric = numbers.allSatisfy { $0 != nil }
            switch term {
            case .column where allNumeric:
                columns.append(Column(term: name, variable: name, level: nil))
                values.append(numbers.map { $0! })
            case .column where numbers.contains(where: { $0 != nil }):
                let r = numbers.firstIndex(where: { $0 == nil })!
                throw .mixedColumn(file: file, line: table.lineNumbers[r], column: name, value: texts[r])
            case .column, .factor:
                var reference: String?
                if case let .factor(_, ref) = term { reference = ref }
                let coding = try Self.factorCoding(texts: texts, numbers: allNumeric ? numbers.map { $0! } : nil,
                                                   reference: reference, file: file, column: name)
                // R: without an intercept the first factor gets a column for every level.
                let shown = fullDummyCodingAvailable ? coding.levels : Array(coding.levels.dropFirst())
                factors.append(FormulaFactor(variable: name, levels: coding.levels,
                                             reference: fullDummyCodingAvailable ? nil : coding.levels[0]))
                fullDummyCodingAvailable = false
                for level in shown {
                    let k = coding.levels.firstIndex(of: level)!
                    columns.append(Column(term: name + level, variable: name, level: level))
                    values.append(coding.codes.map { $0 == k ? 1 : 0 })
                }
            }
        }

        let weights = try weightsIndex.map { (c: Int) throws(FitError) -> [Double] in
            try Self.numericColumn(table, c, requirement: "a number >= 0") { $0 >= 0 }
        }
        let offset = try offsetIndex.map { (c: Int) throws(FitError) -> [Double] in
            try Self.numericColumn(table, c, requirement: "a finite number") { _ in true }
        }
        let response = try Self.responseValues(table, responseIndex, proportionsAllowed: weights != nil)

        self.columns = columns
        self.factors = factors
        self.matrix = values.isEmpty ? Matrix(rows: n, columns: 0) : Matrix(columns: values)
        self.response = response
        self.weights = weights
        self.offset = offset
        self.interceptColumn = formula.hasIntercept ? 0 : nil
    }

    static func isMissing(_ field: String) -> Bool { field.isEmpty || field == "NA" }

    /// A finite number, as R's `type.convert` reads it; nil otherwise.
    static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Levels in byte order for text, numeric order for numbers (R's `factor()` sorts the
    /// unique values), the reference level moved first (R's `relevel`).
    static func factorCoding(texts: [String], numbers: [Double]?, reference: String?, file: String, column: String)
        throws(FitError) -> (levels: [String], codes: [Int])
    {
        var labels: [String]
        var keys: [String]
        if let numbers {
            let unique = Array(Set(numbers)).sorted()
            labels = unique.map(Self.numericLabel)
            keys = numbers.map(Self.numericLabel)
        } else {
            labels = Array(Set(texts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            keys = texts
        }
        if let reference {
            guard let r = labels.firstIndex(of: reference) else {
                throw .unknownReferenceLevel(file: file, column: column, level: reference, levels: labels)
            }
            labels.insert(labels.remove(at: r), at: 0)
        }
        let position = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        return (labels, keys.map { position[$0]! })
    }

    /// R's `as.character` of a double: integers without a decimal point, else 15 significant digits.
    static func numericLabel(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return String(format: "%.15g", x)
    }

    static func numericColumn(_ table: FitTable, _ c: Int, requirement: String, _ valid: (Double) -> Bool)
        throws(FitError) -> [Double]
    {
        var result: [Double] = []
        result.reserveCapacity(table.rows.count)
        for (r, row) in table.rows.enumerated() {
            guard let value = number(row[c]) else {
                throw .notANumber(file: table.file, line: table.lineNumbers[r], column: table.header[c], value: row[c])
            }
            guard valid(value) else {
                throw .outOfRange(file: table.file, line: table.lineNumbers[r], column: table.header[c],
                                  requirement: requirement, value: row[c])
            }
            result.append(value)
        }
        return result
    }

    /// 0/1 (or proportions with weights), or a two-level text column coded as R codes a factor
    /// response: the first level (byte order) is 0, the other 1.
    static func responseValues(_ table: FitTable, _ c: Int, proportionsAllowed: Bool) throws(FitError) -> [Double] {
        let texts = table.rows.map { $0[c] }
        if texts.contains(where: { number($0) == nil }) && !texts.contains(where: { number($0) != nil }) {
            let levels = Array(Set(texts)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard levels.count == 2 else {
                throw .responseLevels(file: table.file, column: table.header[c], levels: levels)
            }
            return texts.map { $0 == levels[0] ? 0 : 1 }
        }
        if proportionsAllowed {
            return try numericColumn(table, c, requirement: "in [0, 1]") { $0 >= 0 && $0 <= 1 }
        }
        return try numericColumn(table, c, requirement: "0 or 1 (a proportion needs --weights)") { $0 == 0 || $0 == 1 }
    }
}
