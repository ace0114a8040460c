import CBLAS
import DuijieBase

/// LAPACK routines beyond the SVD, through LAPACKE.
public enum LAPACK {
    /// Replaces the columns of `matrix` (m × n, m ≥ n) by an orthonormal basis of the space they
    /// span, and returns the upper-triangular R with `original = Q · R`.
    ///
    /// Uses CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa & Yamamoto, "CholeskyQR2: a simple and
    /// communication-avoiding algorithm", 2014): G = MᵀM by `sgemm`, G = RᵀR by `spotrf`,
    /// M ← MR⁻¹ by `strsm`, twice. All the work is BLAS-3, several times faster than Householder
    /// QR on tall matrices; the second pass restores orthogonality to working precision while
    /// cond(M) stays below about 1/√ε. When a Cholesky factorization fails (M is too
    /// ill-conditioned), the columns are orthonormalized by Householder QR instead
    /// (`sgeqrf` + `sorgqr`).
    ///
    /// - Throws: `DuijieError` when LAPACK reports a failure in the fallback.
    /// - Complexity: O(m · n²).
    @discardableResult
    public static func orthonormalizeColumns(_ matrix: inout DenseMatrix, passes: Int = 2, parallelism: Parallelism = .automatic) throws(DuijieError) -> DenseMatrix {
        let n = matrix.columns
        precondition(matrix.rows >= n, "orthonormalizeColumns needs at least as many rows as columns")
        guard n > 0 else { return DenseMatrix(rows: 0, columns: 0) }
        skipNaNChecks
        BLAS.singleThreaded
        let saved = matrix
        var r = DenseMatrix.identity(n)
        var succeeded = true
        for _ in 0..<max(1, passes) {
            guard let pass = choleskyPass(&matrix, parallelism) else {
                succeeded = false
                break
            }
            r = BLAS.product(pass, r)  // M = Q Rₖ … R₁
        }
        if succeeded { return r }
        matrix = saved
        return try householder(&matrix)
    }

    /// One CholeskyQR pass: M ← M R⁻¹ with RᵀR = MᵀM. Returns R, or `nil` when MᵀM is not
    /// numerically positive definite (then `matrix` may be partly overwritten).
    private static func choleskyPass(_ matrix: inout DenseMatrix, _ parallelism: Parallelism) -> DenseMatrix? {
        let n = matrix.columns
        var gram = BLAS.gramInBlocks(matrix, parallelism: parallelism)
        // Row-major upper triangle = column-major lower triangle; G is symmetric either way.
        let info = gram.elements.withUnsafeMutableBufferPointer { g in
            LAPACKE_spotrf(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "L")), duijie_lapack_int(n), g.baseAddress, duijie_lapack_int(n))
        }
        guard info == 0 else { return nil }
        // Column-major L is row-major Lᵀ = R (upper); clear the stale strict lower part.
        for row in 1..<max(n, 1) {
            for column in 0..<row { gram.elements[row * n + column] = 0 }
        }
        BLAS.solveUpperTriangularFromRight(&matrix, gram, parallelism: parallelism)
        guard matrix.elements.allSatisfy({ $0.isFinite }) else { return nil }
        return gram
    }

    /// Householder QR through LAPACKE's row-major interface: Q into `matrix`, R returned.
    private static func householder(_ matrix: inout DenseMatrix) throws(DuijieError) -> DenseMatrix {
        let m = matrix.rows
        let n = matrix.columns
        var tau = [Float](repeating: 0, count: n)
        let factorInfo = matrix.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { tau in
                LAPACKE_sgeqrf(LAPACK_ROW_MAJOR, duijie_lapack_int(m), duijie_lapack_int(n), a.baseAddress, duijie_lapack_int(n), tau.baseAddress)
            }
        }
        if factorInfo != 0 { throw DuijieError.lapack("sgeqrf", info: Int(factorInfo)) }
        var r = DenseMatrix(rows: n, columns: n)
        for row in 0..<n {
            for column in row..<n { r.elements[row * n + column] = matrix.elements[row * n + column] }
        }
        let formInfo = matrix.elements.withUnsafeMutableBufferPointer { a in
            tau.withUnsafeMutableBufferPointer { tau in
                LAPACKE_sorgqr(LAPACK_ROW_MAJOR, duijie_lapack_int(m), duijie_lapack_int(n), duijie_lapack_int(n),
                               a.baseAddress, duijie_lapack_int(n), tau.baseAddress)
            }
        }
        if formInfo != 0 { throw DuijieError.lapack("sorgqr", info: Int(formInfo)) }
        return r
    }

    /// The eigen-decomposition of a symmetric n × n matrix by `LAPACKE_ssyevd`: eigenvalues in
    /// decreasing order, and the eigenvectors as the columns of an n × n row-major matrix.
    ///
    /// - Throws: `DuijieError` when LAPACK fails to converge.
    public static func symmetricEigen(_ matrix: DenseMatrix) throws(DuijieError) -> (values: [Float], vectors: DenseMatrix) {
        let n = matrix.rows
        precondition(matrix.columns == n, "the matrix must be square")
        guard n > 0 else { return ([], DenseMatrix(rows: 0, columns: 0)) }
        skipNaNChecks
        BLAS.singleThreaded
        var a = matrix.elements
        var values = [Float](repeating: 0, count: n)
        let info = a.withUnsafeMutableBufferPointer { a in
            values.withUnsafeMutableBufferPointer { w in
                LAPACKE_ssyevd(LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "V")), Int8(UInt8(ascii: "U")), duijie_lapack_int(n), a.baseAddress, duijie_lapack_int(n), w.baseAddress)
            }
        }
        if info != 0 { throw DuijieError.lapack("ssyevd", info: Int(info)) }
        // LAPACK returns ascending eigenvalues: reverse values and eigenvector columns.
        var vectors = DenseMatrix(rows: n, columns: n)
        for row in 0..<n {
            for column in 0..<n { vectors.elements[row * n + column] = a[row * n + (n - 1 - column)] }
        }
        return (values.reversed(), vectors)
    }

    /// LAPACKE scans every input for NaN by default; Duijie's inputs are finite by construction
    /// (validated at the boundary), so the scan is switched off once.
    private static let skipNaNChecks: Void = LAPACKE_set_nancheck(0)
}
