import Foundation
import LinearAlgebra

/// SplitMix64: a seeded generator so that every property test is reproducible from its seed.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
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
        var rng = SplitMix64(state: seed)
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
