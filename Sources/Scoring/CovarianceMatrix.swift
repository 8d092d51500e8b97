/// Covariance of the non-aliased estimates: `names` in coefficient order, `values[i][j]`.
public struct CovarianceMatrix: Hashable, Sendable, Codable {
    public let names: [String]
    public let values: [[Double]]

    public init(names: [String], values: [[Double]]) {
        precondition(values.count == names.count && values.allSatisfy { $0.count == names.count }, "covariance must be square over names")
        self.names = names
        self.values = values
    }
}
