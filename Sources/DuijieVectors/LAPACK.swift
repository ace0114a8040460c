import CBLAS

/// LAPACK routines beyond the SVD, through LAPACKE.
public enum LAPACK {
    /// Replaces the columns of `matrix` (m × n, m ≥ n) by an orthonormal basis of the space they
    /// span: the Q of a thin QR factorization, by `LAPACKE_sgeqrf` then `LAPACKE_sorgqr`.
    ///
    /// - Throws: `LinearAlgebraError` when LAPACK reports a failure.
    /// - Complexity: O(m · n²).
    public static func orthonormalizeColumns(_ matrix: inout DenseMatrix) throws(LinearAlgebraError) {
        let m = matrix.rows
        let n = matrix.columns
        precondition(m >= n, "orthonormalizeColumns needs at least as many rows as columns")
        guard n > 0 else { return }
        var tau = [Float](repeating: 0, count: n)
        let factorInfo = matrix.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { tau in
                LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, duijie_lapack_int(m), duijie_lapack_int(n), a.baseAddress, duijie_lapack_int(n), tau.baseAddress)
            }
        }
        if factorInfo != 0 { throw LinearAlgebraError(routine: "sgeqrf", info: Int(factorInfo)) }
        let formInfo = matrix.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { tau in
                LAPACKE_sorgqr(LAPACK_ROW_MAJOR, duijie_lapack_int(m), duijie_lapack_int(n), duijie_lapack_int(n),
                               a.baseAddress, duijie_lapack_int(n), tau.baseAddress)
            }
        }
        if formInfo != 0 { throw LinearAlgebraError(routine: "sorgqr", info: Int(formInfo)) }
    }
}

extension BLAS {
    /// The number of threads OpenBLAS uses for one call.
    public static var threadCount: Int {
        Int(openblas_get_num_threads())
    }

    /// Sets the number of threads OpenBLAS uses for one call (process-wide).
    public static func setThreadCount(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}
