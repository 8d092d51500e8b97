import Foundation
import LinearAlgebra
import Statistics
import Testing

/// Internal identities and invariances of the fit, on seeded synthetic data (seed in the
/// test arguments). Held tighter than the R comparisons: these involve no other system.
@Suite("Logistic regression properties")
struct LogisticRegressionPropertyTests {
    static func fit(_ design: Matrix, _ names: [String], _ y: [Double], weights: [Double]? = nil) throws -> LogisticFit {
        try LogisticRegression(design: design, termNames: names, response: y, priorWeights: weights,
                               interceptColumn: 0).fit()
    }

    /// At the MLE the score Xᵀ(y − μ) vanishes: relative to Σ|x||y| it is at the level of the
    /// last step (ε = 1e-10 on the deviance → ~1e-9 on the score; checked at 1e-7).
    @Test("score equations hold at the estimate", arguments: [UInt64(1), 2, 3])
    func score(seed: UInt64) throws {
        let data = SeededLogisticData(rows: 500, covariates: 4, seed: seed)
        let fit = try Self.fit(data.design, data.names, data.response)
        #expect(fit.converged)
        for j in 0..<data.design.columns {
            var s = 0.0, scale = 0.0
            for i in 0..<data.design.rows {
                s += data.design[i, j] * (data.response[i] - fit.fittedValues[i])
                scale += abs(data.design[i, j])
            }
            #expect(abs(s) <= 1e-7 * scale, "seed \(seed), column \(j)")
        }
    }

    /// Σ per-row log-likelihood = total (0/1 response, unit weights: no binomial coefficient).
    @Test("log-likelihood is the sum of the rows'", arguments: [UInt64(4), 5])
    func logLikelihood(seed: UInt64) throws {
        let data = SeededLogisticData(rows: 300, covariates: 3, seed: seed)
        let fit = try Self.fit(data.design, data.names, data.response)
        let rows = zip(data.response, fit.fittedValues).reduce(0.0) { $0 + ($1.0 == 1 ? log($1.1) : log1p(-$1.1)) }
        #expect(abs(fit.logLikelihood - rows) <= 1e-10 * abs(rows), "seed \(seed)")
        #expect(abs(fit.residualDeviance + 2 * rows) <= 1e-10 * abs(rows), "seed \(seed)")
        #expect(abs(fit.aic - (-2 * rows + 2 * 4)) <= 1e-10 * abs(rows))
    }

    /// Permuting rows leaves the estimates unchanged (1e-9: different summation order only).
    /// n = 25 000 also exercises the two-chunk parallel Gram.
    @Test("row permutation leaves the fit unchanged", arguments: [UInt64(6), 7])
    func permutation(seed: UInt64) throws {
        let data = SeededLogisticData(rows: 25_000, covariates: 5, seed: seed)
        var rng = SplitMix64(seed: seed &* 31)
        var order = Array(0..<data.design.rows)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(rng.next() % UInt64(i + 1))) }
        let permuted = data.design.submatrix(rows: order, columns: Array(0..<data.design.columns))
        let a = try Self.fit(data.design, data.names, data.response)
        let b = try Self.fit(permuted, data.names, order.map { data.response[$0] })
        for (x, y) in zip(a.coefficients, b.coefficients) {
            #expect(abs(x.estimate! - y.estimate!) <= 1e-9 * max(1, abs(x.estimate!)), "seed \(seed) \(x.term)")
            #expect(abs(x.standardError! - y.standardError!) <= 1e-9 * x.standardError!, "seed \(seed) \(x.term)")
        }
    }

    /// Scaling a column by c scales its coefficient and standard error by 1/c.
    @Test("scaling a column scales its coefficient by 1/c", arguments: [UInt64(8), 9])
    func scaling(seed: UInt64) throws {
        let data = SeededLogisticData(rows: 400, covariates: 3, seed: seed)
        var scaled = data.design
        let c = 1000.0
        for i in 0..<scaled.rows { scaled[i, 2] *= c }
        let a = try Self.fit(data.design, data.names, data.response)
        let b = try Self.fit(scaled, data.names, data.response)
        #expect(abs(b.coefficients[2].estimate! * c - a.coefficients[2].estimate!) <= 1e-9 * abs(a.coefficients[2].estimate!))
        #expect(abs(b.coefficients[2].standardError! * c - a.coefficients[2].standardError!) <= 1e-8 * a.coefficients[2].standardError!)
        #expect(abs(b.coefficients[1].estimate! - a.coefficients[1].estimate!) <= 1e-9 * abs(a.coefficients[1].estimate!))
    }

    /// A column that duplicates an earlier combination, and an all-zero column, are aliased
    /// (R's rule: a combination of the columns BEFORE it); the other estimates are those of the
    /// fit without them (1e-10).
    @Test("collinear and zero columns are aliased, the rest unchanged")
    func aliasing() throws {
        let data = SeededLogisticData(rows: 300, covariates: 3, seed: 10)
        let base = try Self.fit(data.design, data.names, data.response)
        let n = data.design.rows
        let combination = (0..<n).map { 2 * data.design[$0, 1] - 0.5 * data.design[$0, 3] }
        var columns = (0..<data.design.columns).map { data.design.column($0) }
        columns.insert(combination, at: 2)
        columns.append([Double](repeating: 0, count: n))
        let names = ["(Intercept)", "x1", "combo", "x2", "x3", "zero"]
        let fit = try Self.fit(Matrix(columns: columns), names, data.response)
        #expect(fit.aliased == [false, false, false, false, true, true])
        #expect(fit.rank == 4)
        // x3 is aliased (it is a combination of x1 and combo before it); so compare with
        // the fit on (1, x1, combo, x2), which spans the same space as (1, x1, x2, x3).
        #expect(abs(fit.residualDeviance - base.residualDeviance) <= 1e-10 * base.residualDeviance)
        #expect(abs(fit.coefficients[3].estimate! - base.coefficients[2].estimate!) <= 1e-9)
        #expect(fit.residualDegreesOfFreedom == base.residualDegreesOfFreedom)
    }

    /// Grouped binomial: proportions with weights = trials give the same estimates as the
    /// expanded 0/1 data (the deviances differ by a constant; the estimates must not): 1e-9.
    @Test("grouped binomial equals the expanded 0/1 fit")
    func grouped() throws {
        var rng = SplitMix64(seed: 11)
        let groups = 40
        var x: [Double] = [], successes: [Double] = [], trials: [Double] = []
        for _ in 0..<groups {
            let xi = rng.normal()
            let m = Double(1 + rng.next() % 12)
            let pi = 1 / (1 + exp(-(0.3 + 0.7 * xi)))
            let s = (0..<Int(m)).reduce(0.0) { acc, _ in acc + (rng.uniform() < pi ? 1 : 0) }
            x.append(xi); successes.append(s); trials.append(m)
        }
        let grouped = try Self.fit(Matrix(columns: [[Double](repeating: 1, count: groups), x]), ["(Intercept)", "x"],
                                   zip(successes, trials).map { $0 / $1 }, weights: trials)
        var ex: [Double] = [], ey: [Double] = []
        for g in 0..<groups {
            for k in 0..<Int(trials[g]) { ex.append(x[g]); ey.append(Double(k) < successes[g] ? 1 : 0) }
        }
        let expanded = try Self.fit(Matrix(columns: [[Double](repeating: 1, count: ex.count), ex]), ["(Intercept)", "x"], ey)
        for (a, b) in zip(grouped.coefficients, expanded.coefficients) {
            #expect(abs(a.estimate! - b.estimate!) <= 1e-9 * max(1, abs(b.estimate!)))
            #expect(abs(a.standardError! - b.standardError!) <= 1e-9 * b.standardError!)
        }
        #expect(!grouped.warnings.contains(.nonIntegerSuccesses))
    }

    @Test("separation is a warning, not an error")
    func separation() throws {
        let x = (0..<20).map(Double.init)
        let y = x.map { $0 < 10 ? 0.0 : 1.0 }
        let fit = try Self.fit(Matrix(columns: [[Double](repeating: 1, count: 20), x]), ["(Intercept)", "x"], y)
        #expect(fit.warnings.contains(.fittedProbabilitiesZeroOrOne))
        #expect(fit.residualDeviance < 1e-6)
    }

    @Test("all-zero outcome: the intercept runs off to −∞ with R's warning")
    func allZero() throws {
        let data = SeededLogisticData(rows: 50, covariates: 1, seed: 12)
        let fit = try Self.fit(data.design, data.names, [Double](repeating: 0, count: 50))
        #expect(fit.coefficients[0].estimate! < -20)
        #expect(fit.warnings.contains(.fittedProbabilitiesZeroOrOne))
    }

    @Test("bad input is an error naming the field and observation")
    func badInput() {
        let design = Matrix(columns: [[1, 1, 1], [0, 1, 2]])
        #expect(throws: StatisticsError.invalidValue(field: "response", index: 1, requirement: "in [0, 1]", value: 2)) {
            try LogisticRegression(design: design, termNames: ["(Intercept)", "x"], response: [0, 2, 1], interceptColumn: 0)
        }
        #expect(throws: StatisticsError.invalidValue(field: "weights", index: 0, requirement: "finite and >= 0", value: -1)) {
            try LogisticRegression(design: design, termNames: ["(Intercept)", "x"], response: [0, 1, 1],
                                   priorWeights: [-1, 1, 1], interceptColumn: 0)
        }
        #expect(throws: StatisticsError.noObservations) {
            try LogisticRegression(design: design, termNames: ["(Intercept)", "x"], response: [0, 1, 1],
                                   priorWeights: [0, 0, 0], interceptColumn: 0)
        }
    }
}
