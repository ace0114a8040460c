import CBLAS

/// Dense linear algebra through the system BLAS (OpenBLAS): the only place the module calls
/// `cblas_*` functions.
///
/// All matrices are row-major; dimensions are checked with preconditions before the call,
/// because a BLAS routine given wrong dimensions reads or writes out of bounds.
///
/// OpenBLAS runs single-threaded. Its own threading splits work by thread count, which changes
/// the rounding of results (seen here: the same `sgemm` differs in the last bits between 1 and
/// 2 threads), and rankings must not depend on the thread count. Duijie parallelizes instead:
/// the `…InBlocks` functions cut work into fixed blocks, each one `sgemm` call, run blocks on
/// Duijie's threads, and combine them in a fixed order — identical results for any thread
/// count, at the same throughput (concurrent single-threaded calls were measured as fast as
/// OpenBLAS's own threads).
public enum BLAS {
    /// Pins OpenBLAS to one thread; touched by every entry point before its first call.
    static let singleThreaded: Void = openblas_set_num_threads(1)

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
        singleThreaded
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
        singleThreaded
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

extension BLAS {
    /// `C (m × n) ← A (m × k) · Bᵀ` where B is n × k, all row-major with the given leading
    /// dimensions, by `cblas_sgemm` on raw pointers — for callers that multiply slices of larger
    /// buffers without copying them.
    static func multiplyTransposed(m: Int, n: Int, k: Int,
                                   a: UnsafePointer<Float>, lda: Int,
                                   b: UnsafePointer<Float>, ldb: Int,
                                   c: UnsafeMutablePointer<Float>, ldc: Int) {
        guard m > 0, n > 0, k > 0 else { return }
        singleThreaded
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, blasInt(m), blasInt(n), blasInt(k),
                    1, a, blasInt(lda), b, blasInt(ldb), 0, c, blasInt(ldc))
    }
}

extension BLAS {
    /// The rows per block of the blocked products: fixed, so results never depend on threads.
    public static let blockRows = 2_048

    /// `A · op(B)` with A cut into blocks of `blockRows` rows, one `sgemm` per block, blocks in
    /// parallel.
    ///
    /// - Complexity: O(m · n · k).
    public static func productInBlocks(_ a: DenseMatrix, _ b: DenseMatrix, transposeB: Bool = false,
                                       parallelism: Parallelism = .automatic) -> DenseMatrix {
        let k = a.columns
        let n = transposeB ? b.rows : b.columns
        precondition((transposeB ? b.columns : b.rows) == k, "inner dimensions differ")
        let blockCount = (a.rows + blockRows - 1) / blockRows
        let blocks = parallelism.mapChunks(count: blockCount, minimumChunk: 1) { range in
            range.map { block -> [Float] in
                let rows = (block * blockRows)..<min(a.rows, (block + 1) * blockRows)
                let slice = DenseMatrix(rows: rows.count, columns: k, elements: Array(a.elements[(rows.lowerBound * k)..<(rows.upperBound * k)]))
                return product(slice, b, transposeB: transposeB).elements
            }
        }.flatMap { $0 }
        var elements: [Float] = []
        elements.reserveCapacity(a.rows * n)
        for block in blocks { elements.append(contentsOf: block) }
        return DenseMatrix(rows: a.rows, columns: n, elements: elements)
    }

    /// The Gram matrix MᵀM (n × n for M with n columns): partial products over blocks of
    /// `blockRows` rows, computed in parallel and added in block order.
    ///
    /// - Complexity: O(m · n²).
    public static func gramInBlocks(_ matrix: DenseMatrix, parallelism: Parallelism = .automatic) -> DenseMatrix {
        let n = matrix.columns
        let blockCount = max(1, (matrix.rows + blockRows - 1) / blockRows)
        let partials = parallelism.mapChunks(count: blockCount, minimumChunk: 1) { range in
            range.map { block -> [Float] in
                let rows = (block * blockRows)..<min(matrix.rows, (block + 1) * blockRows)
                let slice = DenseMatrix(rows: rows.count, columns: n, elements: Array(matrix.elements[(rows.lowerBound * n)..<(rows.upperBound * n)]))
                return product(slice, transposeA: true, slice).elements
            }
        }.flatMap { $0 }
        var sum = [Float](repeating: 0, count: n * n)
        for partial in partials {
            for index in sum.indices { sum[index] += partial[index] }
        }
        return DenseMatrix(rows: n, columns: n, elements: sum)
    }

    /// Solves X · R = M for X in place (R upper triangular, n × n), by `cblas_strsm` on blocks of
    /// `blockRows` rows of M in parallel — each row of X depends only on its row of M.
    public static func solveUpperTriangularFromRight(_ matrix: inout DenseMatrix, _ r: DenseMatrix, parallelism: Parallelism = .automatic) {
        let n = matrix.columns
        precondition(r.rows == n && r.columns == n, "R must be n × n")
        singleThreaded
        let blockCount = (matrix.rows + blockRows - 1) / blockRows
        let solved = parallelism.mapChunks(count: blockCount, minimumChunk: 1) { [matrix] range in
            range.map { block -> [Float] in
                let rows = (block * blockRows)..<min(matrix.rows, (block + 1) * blockRows)
                var slice = Array(matrix.elements[(rows.lowerBound * n)..<(rows.upperBound * n)])
                r.elements.withUnsafeBufferPointer { rBuffer in
                    slice.withUnsafeMutableBufferPointer { m in
                        cblas_strsm(CblasRowMajor, CblasRight, CblasUpper, CblasNoTrans, CblasNonUnit,
                                    blasInt(rows.count), blasInt(n), 1, rBuffer.baseAddress, blasInt(n), m.baseAddress, blasInt(n))
                    }
                }
                return slice
            }
        }.flatMap { $0 }
        var elements: [Float] = []
        elements.reserveCapacity(matrix.rows * n)
        for block in solved { elements.append(contentsOf: block) }
        matrix.elements = elements
    }
}

/// Converts a Swift dimension to the BLAS integer type, trapping on overflow rather than
/// handing BLAS a wrapped value.
@inline(__always)
func blasInt(_ value: Int) -> blasint {
    blasint(value)
}
