import Foundation
import LinearAlgebra
import Statistics

/// Statistics' SplitMix64 with the draws the property tests need (every test is reproducible
/// from its seed).
extension SplitMix64 {
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

/// A logistic data set: intercept + `p` normal covariates, true β = (−0.5, 0.8, −0.4, 0.3, …).
struct SeededLogisticData {
    let design: Matrix
    let names: [String]
    let response: [Double]

    init(rows n: Int, covariates p: Int, seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var columns: [[Double]] = [[Double](repeating: 1, count: n)]
        for _ in 0..<p { columns.append((0..<n).map { _ in rng.normal() }) }
        var beta: [Double] = [-0.5]
        for j in 0..<p {
            let size: Double = j % 2 == 0 ? 0.8 : -0.4
            beta.append(size / Double(j / 2 + 1))
        }
        var y: [Double] = []
        for i in 0..<n {
            var eta = 0.0
            for j in 0...p { eta += columns[j][i] * beta[j] }
            y.append(rng.uniform() < 1 / (1 + exp(-eta)) ? 1 : 0)
        }
        response = y
        design = Matrix(columns: columns)
        names = ["(Intercept)"] + (0..<p).map { "x\($0 + 1)" }
    }
}
