import LinearAlgebra
import Testing

@Suite("LinearAlgebra")
struct LinearAlgebraTests {
    static func gram(_ x: Matrix) -> Matrix {
        var g = Matrix(rows: x.columns, columns: x.columns)
        for i in 0..<x.columns { for j in 0..<x.columns {
            g[i, j] = (0..<x.rows).reduce(0) { $0 + x[$1, i] * x[$1, j] }
        } }
        return g
    }

    /// R's rule: a column that is a combination of the kept columns before it is dropped;
    /// which one is dropped depends on the order (the later one).
    @Test("independent columns follow R's order rule")
    func independentColumns() {
        let one: [Double] = [1, 1, 1, 1, 1]
        let a: [Double] = [1, 2, 3, 4, 6]
        let b: [Double] = [0, 1, 0, 1, 1]
        let x = Matrix(columns: [one, a, a.map { 2 * $0 }, b, zip(a, b).map { $0 + $1 }, [0, 0, 0, 0, 0]])
        #expect(Self.gram(x).independentColumnsOfGram(tolerance: 1e-7) == [0, 1, 3])
        // A column at relative distance 1e-3 from the span is kept.
        let near = Matrix(columns: [one, a, zip(a, [0.0, 0, 0, 0, 0.01]).map { $0 + $1 }])
        #expect(Self.gram(near).independentColumnsOfGram(tolerance: 1e-7) == [0, 1, 2])
    }

    /// Cholesky solve and QR least squares agree on a well-conditioned system, and the inverse
    /// from the factor times G is the identity (1e-12: κ ≈ 10 here).
    @Test("Cholesky, inverse and QR least squares agree")
    func solves() throws {
        let x = Matrix(columns: [[1, 1, 1, 1, 1, 1], [0.5, -1, 2, 0.3, 1.1, -0.7], [2, 1, 0, -1, 0.5, 3]])
        let y: [Double] = [1, 0.5, -0.2, 2, 1.1, 0.3]
        let g = Self.gram(x)
        let rhs = (0..<3).map { j in (0..<6).reduce(0.0) { $0 + x[$1, j] * y[$1] } }
        let factor = try LAPACK.choleskyFactor(g)
        let viaCholesky = try LAPACK.choleskySolve(factor: factor, rhs)
        let (viaQR, r) = try LAPACK.leastSquares(x, y)
        for j in 0..<3 { #expect(abs(viaCholesky[j] - viaQR[j]) <= 1e-12 * max(1, abs(viaQR[j]))) }
        let inverse = try LAPACK.choleskyInverse(factor: r)
        for i in 0..<3 { for j in 0..<3 {
            let product = (0..<3).reduce(0.0) { $0 + inverse[i, $1] * g[$1, j] }
            #expect(abs(product - (i == j ? 1 : 0)) <= 1e-12)
        } }
    }

    @Test("a non-positive-definite matrix is a LAPACKError")
    func notPositiveDefinite() {
        #expect(throws: LAPACKError(routine: "dpotrf", info: 2)) {
            try LAPACK.choleskyFactor(Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 2, 1]))
        }
    }
}
