import CBLAS

/// Dense linear algebra through the system BLAS (OpenBLAS): the only place the module calls
/// `cblas_*` functions.
///
/// All matrices are row-major; dimensions are checked with preconditions before the call,
/// because a BLAS routine given wrong dimensions reads or writes out of bounds.
public enum BLAS {
    /// Computes `C ← alpha · op(A) · op(B) + beta · C` with `cblas_sgemm`.
    ///
    /// - Parameters:
    ///   - a: The left operand.
    ///   - transposeA: Whether `op(A)` is `Aᵀ`.
    ///   - b: The right operand.
    ///   - transposeB: Whether `op(B)` is `Bᵀ`.
    ///   - alpha: The scale of the product.
    ///   - beta: The scale of the existing `c`; 0 ignores its contents.
    ///   - c: The accumulator, of shape rows(op(A)) × columns(op(B)).
    /// - Complexity: O(m · n · k) floating-point operations.
    public static func multiply(
        _ a: DenseMatrix, transposeA: Bool = false,
        _ b: DenseMatrix, transposeB: Bool = false,
        alpha: Float = 1, beta: Float = 0,
        into c: inout DenseMatrix
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kB = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kB, "inner dimensions differ: \(k) and \(kB)")
        precondition(c.rows == m && c.columns == n, "result must be \(m)×\(n), is \(c.rows)×\(c.columns)")
        guard m > 0, n > 0 else { return }
        if k == 0 {
            // BLAS leaves C scaled by beta when the inner dimension is empty; do the same without a call.
            for index in c.elements.indices { c.elements[index] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { aBuffer in
            b.elements.withUnsafeBufferPointer { bBuffer in
                c.elements.withUnsafeMutableBufferPointer { cBuffer in
                    cblas_sgemm(
                        CblasRowMajor,
                        transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        blasInt(m), blasInt(n), blasInt(k),
                        alpha,
                        aBuffer.baseAddress, blasInt(max(1, a.columns)),
                        bBuffer.baseAddress, blasInt(max(1, b.columns)),
                        beta,
                        cBuffer.baseAddress, blasInt(max(1, n))
                    )
                }
            }
        }
    }

    /// Returns `op(A) · op(B)` computed with `cblas_sgemm`.
    ///
    /// - Complexity: O(m · n · k).
    public static func product(
        _ a: DenseMatrix, transposeA: Bool = false,
        _ b: DenseMatrix, transposeB: Bool = false
    ) -> DenseMatrix {
        var c = DenseMatrix(
            rows: transposeA ? a.columns : a.rows,
            columns: transposeB ? b.rows : b.columns
        )
        multiply(a, transposeA: transposeA, b, transposeB: transposeB, into: &c)
        return c
    }

    /// Computes `y ← alpha · op(A) · x + beta · y` with `cblas_sgemv`.
    ///
    /// - Parameters:
    ///   - a: The matrix.
    ///   - transpose: Whether `op(A)` is `Aᵀ`.
    ///   - x: A vector of length columns(op(A)).
    ///   - alpha: The scale of the product.
    ///   - beta: The scale of the existing `y`.
    ///   - y: A vector of length rows(op(A)).
    /// - Complexity: O(m · n).
    public static func multiply(
        _ a: DenseMatrix, transpose: Bool = false,
        vector x: [Float],
        alpha: Float = 1, beta: Float = 0,
        into y: inout [Float]
    ) {
        let outputLength = transpose ? a.columns : a.rows
        let inputLength = transpose ? a.rows : a.columns
        precondition(x.count == inputLength, "vector length \(x.count) does not match \(inputLength)")
        precondition(y.count == outputLength, "result length \(y.count) does not match \(outputLength)")
        guard outputLength > 0 else { return }
        if inputLength == 0 {
            for index in y.indices { y[index] *= beta }
            return
        }
        a.elements.withUnsafeBufferPointer { aBuffer in
            x.withUnsafeBufferPointer { xBuffer in
                y.withUnsafeMutableBufferPointer { yBuffer in
                    cblas_sgemv(
                        CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                        blasInt(a.rows), blasInt(a.columns),
                        alpha,
                        aBuffer.baseAddress, blasInt(max(1, a.columns)),
                        xBuffer.baseAddress, 1,
                        beta,
                        yBuffer.baseAddress, 1
                    )
                }
            }
        }
    }

    /// Returns `op(A) · x` computed with `cblas_sgemv`.
    ///
    /// - Complexity: O(m · n).
    public static func product(_ a: DenseMatrix, transpose: Bool = false, vector x: [Float]) -> [Float] {
        var y = [Float](repeating: 0, count: transpose ? a.columns : a.rows)
        multiply(a, transpose: transpose, vector: x, into: &y)
        return y
    }
}

/// Converts a Swift dimension to the BLAS integer type, trapping on overflow rather than
/// handing BLAS a wrapped value.
@inline(__always)
func blasInt(_ value: Int) -> blasint {
    blasint(value)
}
