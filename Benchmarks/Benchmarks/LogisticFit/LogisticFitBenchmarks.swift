import Benchmark
import Foundation
import LinearAlgebra
import Statistics

// Logistic fit on seeded synthetic data (intercept + p standard normal covariates, true
// β_j = ±0.8/(j/2+1)), n = 10^5 and 10^6 rows, p = 20 and 50. Wall clock and allocations; the
// peer ratios come from fit_ratios.py (same machine, same run) — see Benchmarks/README.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(60), maxIterations: 5)
    for (n, p) in [(100_000, 20), (100_000, 50), (1_000_000, 20), (1_000_000, 50)] {
        Benchmark("Logistic fit n=\(n) p=\(p)", configuration: .init(timeUnits: .milliseconds)) { benchmark, model in
            for _ in benchmark.scaledIterations {
                blackHole(try model.fit())
            }
        } setup: {
            try syntheticModel(rows: n, covariates: p, seed: 1)
        }
    }
}

/// SplitMix64 → Box–Muller normals: the design, and a Bernoulli response from the true model.
func syntheticModel(rows n: Int, covariates p: Int, seed: UInt64) throws -> LogisticRegression {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    var columns = [Double](repeating: 1, count: n * (p + 1))
    for j in 1...p {
        for i in 0..<n {
            let u = max(uniform(), 1e-300), v = uniform()
            columns[j * n + i] = (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }
    let beta = [-1.0] + (0..<p).map { j -> Double in (j % 2 == 0 ? 0.8 : -0.8) / Double(j / 2 + 1) }
    var y = [Double](repeating: 0, count: n)
    for i in 0..<n {
        var eta = 0.0
        for j in 0...p { eta += columns[j * n + i] * beta[j] }
        y[i] = uniform() < 1 / (1 + exp(-eta)) ? 1 : 0
    }
    return try LogisticRegression(
        design: Matrix(rows: n, columns: p + 1, columnMajor: columns),
        termNames: ["(Intercept)"] + (1...p).map { "x\($0)" }, response: y, interceptColumn: 0)
}
