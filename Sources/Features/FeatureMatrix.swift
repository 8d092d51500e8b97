import Domain

/// Features of many enterprises: column-major `Double` values, columns in `FeatureName` order
/// (`names`), rows in ascending enterprise id (`enterpriseIds`).
public struct FeatureMatrix: Sendable, Equatable {
    public let names: [String]
    public let enterpriseIds: [CreditCode]
    /// Column-major: element (row r, column c) is `values[c * rowCount + r]`.
    public let values: [Double]

    public init(names: [String], enterpriseIds: [CreditCode], values: [Double]) {
        precondition(values.count == names.count * enterpriseIds.count, "values must hold names.count × enterpriseIds.count elements")
        self.names = names
        self.enterpriseIds = enterpriseIds
        self.values = values
    }

    public var rowCount: Int { enterpriseIds.count }
    public var columnCount: Int { names.count }

    public subscript(row: Int, column: Int) -> Double { values[column * rowCount + row] }
    public subscript(row: Int, feature: FeatureName) -> Double { self[row, feature.index] }

    /// One column as a slice of the storage.
    public func column(_ feature: FeatureName) -> ArraySlice<Double> {
        let start = feature.index * rowCount
        return values[start..<(start + rowCount)]
    }

    /// One row, in column order.
    public func row(_ row: Int) -> [Double] { (0..<columnCount).map { self[row, $0] } }

    /// Column means (the training means x̄ of the reason codes).
    public var columnMeans: [Double] {
        guard rowCount > 0 else { return [Double](repeating: 0, count: columnCount) }
        return (0..<columnCount).map { c in
            values[(c * rowCount)..<((c + 1) * rowCount)].reduce(0, +) / Double(rowCount)
        }
    }
}
