import CLAPACK

/// Typed wrappers over the Fortran BLAS routines used here. Pointers are raw because the hot
/// loop of the logistic fit works on preallocated buffers (no n×p allocation per iteration).
public enum BLAS {
    /// Which triangle of a symmetric matrix is referenced.
    public enum Triangle: Sendable {
        case upper, lower
        var code: CChar { self == .upper ? CChar(UInt8(ascii: "U")) : CChar(UInt8(ascii: "L")) }
    }

    /// Whether an operand is used as is or transposed.
    public enum Transpose: Sendable {
        case none, transpose
        var code: CChar { self == .none ? CChar(UInt8(ascii: "N")) : CChar(UInt8(ascii: "T")) }
    }

    /// `ddot`: Σ x[i]·y[i] over `count` contiguous elements.
    public static func dot(count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        var n = Int32(count), one: Int32 = 1
        return ddot_(&n, x, &one, y, &one)
    }

    /// `dgemv`: y ← α·op(A)·x + β·y for the column-major `rows × columns` matrix A with leading
    /// dimension `leadingDimension`.
    public static func gemv(
        _ transpose: Transpose, rows: Int, columns: Int, alpha: Double,
        a: UnsafePointer<Double>, leadingDimension: Int,
        x: UnsafePointer<Double>, beta: Double, y: UnsafeMutablePointer<Double>
    ) {
        var t = transpose.code
        var m = Int32(rows), n = Int32(columns), lda = Int32(leadingDimension), one: Int32 = 1
        var alpha = alpha, beta = beta
        dgemv_(&t, &m, &n, &alpha, a, &lda, x, &one, &beta, y, &one, 1)
    }

    /// `dsyrk` with trans = 'T': C ← α·AᵀA + β·C, A being `k × n` (column-major, leading
    /// dimension `leadingDimension`) and C `n × n`; only `triangle` of C is written.
    public static func syrkTransposed(
        _ triangle: Triangle, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, leadingDimension: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, cLeadingDimension: Int
    ) {
        var uplo = triangle.code, trans = Transpose.transpose.code
        var nn = Int32(n), kk = Int32(k), lda = Int32(leadingDimension), ldc = Int32(cLeadingDimension)
        var alpha = alpha, beta = beta
        dsyrk_(&uplo, &trans, &nn, &kk, &alpha, a, &lda, &beta, c, &ldc, 1, 1)
    }
}
