#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BLAS {
    /// Asks OpenBLAS (when it is the BLAS in use) to run each call on one thread.
    ///
    /// The logistic fit splits rows across threads itself and calls dsyrk/dgemv on
    /// cache-sized blocks; OpenBLAS's own threading of those small calls then only adds
    /// hand-offs (measured at n = 10^6, p = 50: a quarter of the CPU time in `exec_blas_async`
    /// and `sched_yield`). Looked up with `dlsym` so that reference BLAS, which has no such
    /// entry point, still links; there it does nothing. Returns whether OpenBLAS was found.
    @discardableResult
    public static func useSingleThreadedCalls() -> Bool {
        typealias SetThreads = @convention(c) (Int32) -> Void
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "openblas_set_num_threads") else { return false }
        unsafeBitCast(symbol, to: SetThreads.self)(1)
        return true
    }
}
