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

extension LAPACK {
    /// Least squares min ‖A x − b‖ for a full-column-rank `rows × columns` A by Householder QR
    /// (`dgeqrf`, `dormqr`, `dtrtrs`). Returns x and the triangular factor R (columns × columns,
    /// RᵀR = AᵀA), whose `choleskyInverse` is (AᵀA)⁻¹. Accurate to ε·κ(A) where the normal
    /// equations give ε·κ(A)².
    public static func leastSquares(_ a: Matrix, _ b: [Double]) throws(LAPACKError) -> (solution: [Double], r: Matrix) {
        precondition(b.count == a.rows && a.rows >= a.columns, "least squares needs rows >= columns")
        var qr = a
        var rhs = b
        var m = Int32(a.rows), n = Int32(a.columns), lda = Int32(max(1, a.rows)), info: Int32 = 0
        var tau = [Double](repeating: 0, count: max(1, a.columns))
        if n == 0 { return ([], Matrix(rows: 0, columns: 0)) }
        // Workspace query, then the factorisation.
        var query = 0.0, lwork: Int32 = -1
        qr.elements.withUnsafeMutableBufferPointer { ab in
            dgeqrf_(&m, &n, ab.baseAddress!, &lda, &tau, &query, &lwork, &info)
        }
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: max(1, Int(lwork)))
        qr.elements.withUnsafeMutableBufferPointer { ab in
            dgeqrf_(&m, &n, ab.baseAddress!, &lda, &tau, &work, &lwork, &info)
        }
        guard info == 0 else { throw LAPACKError(routine: "dgeqrf", info: info) }
        var side = CChar(UInt8(ascii: "L")), trans = CChar(UInt8(ascii: "T")), one: Int32 = 1, ldc = m
        lwork = -1
        qr.elements.withUnsafeBufferPointer { ab in
            dormqr_(&side, &trans, &m, &one, &n, ab.baseAddress!, &lda, &tau, &rhs, &ldc, &query, &lwork, &info, 1, 1)
        }
        lwork = Int32(query)
        work = [Double](repeating: 0, count: max(1, Int(lwork)))
        qr.elements.withUnsafeBufferPointer { ab in
            dormqr_(&side, &trans, &m, &one, &n, ab.baseAddress!, &lda, &tau, &rhs, &ldc, &work, &lwork, &info, 1, 1)
        }
        guard info == 0 else { throw LAPACKError(routine: "dormqr", info: info) }
        var r = Matrix(rows: a.columns, columns: a.columns)
        for j in 0..<a.columns { for i in 0...j { r[i, j] = qr[i, j] } }
        var x = Array(rhs[0..<a.columns])
        var uplo = CChar(UInt8(ascii: "U")), notrans = CChar(UInt8(ascii: "N")), diag = CChar(UInt8(ascii: "N"))
        var ldr = n, ldb = n
        r.elements.withUnsafeBufferPointer { rb in
            dtrtrs_(&uplo, &notrans, &diag, &n, &one, rb.baseAddress!, &ldr, &x, &ldb, &info, 1, 1, 1)
        }
        guard info == 0 else { throw LAPACKError(routine: "dtrtrs", info: info) }
        return (x, r)
    }
}
