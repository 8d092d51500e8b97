import CLAPACK

/// Typed wrappers over the LAPACK routines used here; a non-zero `info` becomes `LAPACKError`.
public enum LAPACK {
    /// `dpotrf`: the Cholesky factor of the symmetric positive definite `matrix` (its upper
    /// triangle is read; the result holds Uᵀ U = A in the upper triangle, the lower one zeroed).
    public static func choleskyFactor(_ matrix: Matrix) throws(LAPACKError) -> Matrix {
        precondition(matrix.rows == matrix.columns, "Cholesky needs a square matrix")
        var result = matrix
        var uplo = CChar(UInt8(ascii: "U")), n = Int32(matrix.rows), lda = Int32(max(1, matrix.rows)), info: Int32 = 0
        if n == 0 { return result }
        result.elements.withUnsafeMutableBufferPointer { a in
            dpotrf_(&uplo, &n, a.baseAddress!, &lda, &info, 1)
        }
        guard info == 0 else { throw LAPACKError(routine: "dpotrf", info: info) }
        for j in 0..<matrix.columns {
            for i in (j + 1)..<max(j + 1, matrix.rows) { result[i, j] = 0 }
        }
        return result
    }

    /// `dpotrs`: solves A x = b given the upper Cholesky factor of A from `choleskyFactor`.
    public static func choleskySolve(factor: Matrix, _ b: [Double]) throws(LAPACKError) -> [Double] {
        precondition(factor.rows == factor.columns && b.count == factor.rows, "dimension mismatch")
        if b.isEmpty { return b }
        var x = b
        var uplo = CChar(UInt8(ascii: "U")), n = Int32(factor.rows), nrhs: Int32 = 1
        var lda = Int32(factor.rows), ldb = Int32(factor.rows), info: Int32 = 0
        factor.elements.withUnsafeBufferPointer { a in
            x.withUnsafeMutableBufferPointer { xb in
                dpotrs_(&uplo, &n, &nrhs, a.baseAddress!, &lda, xb.baseAddress!, &ldb, &info, 1)
            }
        }
        guard info == 0 else { throw LAPACKError(routine: "dpotrs", info: info) }
        return x
    }

    /// `dpotri`: A⁻¹ (full, symmetric) from the upper Cholesky factor of A.
    public static func choleskyInverse(factor: Matrix) throws(LAPACKError) -> Matrix {
        precondition(factor.rows == factor.columns, "Cholesky inverse needs a square factor")
        var result = factor
        var uplo = CChar(UInt8(ascii: "U")), n = Int32(factor.rows), lda = Int32(max(1, factor.rows)), info: Int32 = 0
        if n == 0 { return result }
        result.elements.withUnsafeMutableBufferPointer { a in
            dpotri_(&uplo, &n, a.baseAddress!, &lda, &info, 1)
        }
        guard info == 0 else { throw LAPACKError(routine: "dpotri", info: info) }
        for j in 0..<factor.columns {
            for i in (j + 1)..<max(j + 1, factor.rows) { result[i, j] = result[j, i] }
        }
        return result
    }
}
