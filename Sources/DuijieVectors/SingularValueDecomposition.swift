import CBLAS
import DuijieBase

/// The thin singular value decomposition `A = U · diag(S) · Vᵀ` of an m × n matrix, computed
/// with LAPACK's divide-and-conquer driver `sgesdd` (through `LAPACKE_sgesdd`).
///
/// With r = min(m, n): `u` is m × r with orthonormal columns, `singularValues` holds r values
/// in non-increasing order, and `vt` is r × n with orthonormal rows. Singular vectors are
/// unique only up to sign (and, for repeated singular values, up to rotation): compare
/// subspaces, not raw vectors.
public struct SingularValueDecomposition: Sendable {
    /// The left singular vectors, m × r.
    public let u: DenseMatrix
    /// The singular values, non-increasing, non-negative.
    public let singularValues: [Float]
    /// The right singular vectors as rows, r × n.
    public let vt: DenseMatrix

    /// Computes the thin SVD of `matrix`.
    ///
    /// - Parameter matrix: Any m × n matrix with finite elements.
    /// - Throws: `DuijieError` when LAPACK reports an illegal argument or fails to converge.
    /// - Complexity: O(m · n · min(m, n)).
    public init(_ matrix: DenseMatrix) throws(DuijieError) {
        let m = matrix.rows
        let n = matrix.columns
        let r = min(m, n)
        var work = matrix.elements
        var values = [Float](repeating: 0, count: r)
        var left = DenseMatrix(rows: m, columns: r)
        var right = DenseMatrix(rows: r, columns: n)
        if r > 0 {
            BLAS.singleThreaded
            let info = work.withUnsafeMutableBufferPointer { a in
                values.withUnsafeMutableBufferPointer { s in
                    left.elements.withUnsafeMutableBufferPointer { u in
                        right.elements.withUnsafeMutableBufferPointer { vt in
                            LAPACKE_sgesdd(
                                LAPACK_ROW_MAJOR, Int8(UInt8(ascii: "S")),
                                duijie_lapack_int(m), duijie_lapack_int(n),
                                a.baseAddress, duijie_lapack_int(n),
                                s.baseAddress,
                                u.baseAddress, duijie_lapack_int(r),
                                vt.baseAddress, duijie_lapack_int(n)
                            )
                        }
                    }
                }
            }
            if info != 0 {
                throw DuijieError.lapack("sgesdd", info: Int(info))
            }
        }
        self.u = left
        self.singularValues = values
        self.vt = right
    }
}

extension DuijieError.Code {
    /// A numerical routine (LAPACK) failed: an illegal argument, or no convergence.
    public static let numerical = DuijieError.Code("numerical")
}

extension DuijieError {
    /// A failure reported by the LAPACK routine `routine` (such as `sgesdd`) through its `info`
    /// result: negative for an illegal argument (its position), positive for no convergence.
    static func lapack(_ routine: String, info: Int) -> DuijieError {
        let message = info < 0 ? "argument \(-info) had an illegal value" : "the algorithm did not converge (info = \(info))"
        return DuijieError(.numerical, "\(routine): " + message)
    }
}
