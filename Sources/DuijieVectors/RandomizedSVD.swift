import Foundation

/// A truncated singular value decomposition of a sparse matrix by randomized subspace
/// iteration (Halko, Martinsson & Tropp, "Finding structure with randomness", SIAM Review
/// 53(2), 2011, Algorithms 4.4 and 5.1).
///
/// With l = rank + oversampling: draw a Gaussian n × l test matrix Ω, form Y = AΩ, and refine
/// it by `powerIterations` rounds of Y ← A(AᵀY), re-orthonormalizing after every product (the
/// products square the singular values, so without it small directions vanish in rounding).
/// Then Q = orth(Y), B = QᵀA (l × n, small), B = ÛΣVᵀ by LAPACK's `sgesdd`, and U = QÛ.
/// Sparse × dense products run in parallel Swift; dense products use `cblas_sgemm`; QR uses
/// `sgeqrf` + `sorgqr`.
///
/// Signs are fixed so that the largest-magnitude entry of each column of U is positive (as
/// scikit-learn's `svd_flip`), so a seed gives the same factors on every run.
public struct RandomizedSVD: Sendable {
    /// How the decomposition is computed.
    public struct Options: Sendable, Equatable {
        /// The number of singular triplets kept.
        public var rank: Int
        /// Extra random directions sampled beyond the rank, for accuracy.
        public var oversampling: Int
        /// Rounds of subspace (power) iteration.
        public var powerIterations: Int
        /// The seed of the Gaussian test matrix.
        public var seed: UInt64

        /// Creates options; the defaults are rank 256, oversampling 10, 4 power iterations, seed 42.
        public init(rank: Int = 256, oversampling: Int = 10, powerIterations: Int = 4, seed: UInt64 = 42) {
            self.rank = rank
            self.oversampling = oversampling
            self.powerIterations = powerIterations
            self.seed = seed
        }
    }

    /// Left singular vectors, m × r (r = min(rank, m, n)).
    public let u: DenseMatrix
    /// Singular values, non-increasing.
    public let singularValues: [Float]
    /// Right singular vectors as rows, r × n.
    public let vt: DenseMatrix

    /// Decomposes `matrix`.
    ///
    /// - Parameters:
    ///   - matrix: An m × n sparse matrix.
    ///   - options: Rank, oversampling, power iterations and seed.
    ///   - parallelism: Threads for the sparse products.
    /// - Throws: `LinearAlgebraError` when a LAPACK routine fails.
    /// - Complexity: O((q + 1) · nnz · l + (m + n) · l²) for q power iterations.
    public init(_ matrix: SparseMatrix, options: Options = Options(), parallelism: Parallelism = .automatic) throws(LinearAlgebraError) {
        let m = matrix.rows
        let n = matrix.columns
        let rank = min(options.rank, m, n)
        let width = min(rank + options.oversampling, m, n)
        guard rank > 0 else {
            u = DenseMatrix(rows: m, columns: 0)
            singularValues = []
            vt = DenseMatrix(rows: 0, columns: n)
            return
        }
        let transposed = matrix.transposed
        var generator = SplitMix64(seed: options.seed)
        let omega = DenseMatrix(rows: n, columns: width, elements: Self.gaussian(count: n * width, using: &generator))

        var y = matrix.multiplied(by: omega, parallelism: parallelism)  // m × l
        try LAPACK.orthonormalizeColumns(&y)
        for _ in 0..<options.powerIterations {
            var z = transposed.multiplied(by: y, parallelism: parallelism)  // n × l
            try LAPACK.orthonormalizeColumns(&z)
            y = matrix.multiplied(by: z, parallelism: parallelism)
            try LAPACK.orthonormalizeColumns(&y)
        }
        // B = QᵀA, formed as (AᵀQ)ᵀ: n × l, then transposed to l × n for the small SVD.
        let bt = transposed.multiplied(by: y, parallelism: parallelism)
        let small = try SingularValueDecomposition(bt.transposed)  // l × n = Û Σ Vᵀ
        var left = BLAS.product(y, small.u)  // m × l
        var right = small.vt  // l × n
        Self.fixSigns(&left, &right)
        u = Self.leadingColumns(left, rank)
        singularValues = Array(small.singularValues.prefix(rank))
        vt = DenseMatrix(rows: rank, columns: n, elements: Array(right.elements.prefix(rank * n)))
    }

    /// Standard normal samples by the Box–Muller transform.
    static func gaussian(count: Int, using generator: inout SplitMix64) -> [Float] {
        var samples = [Float](repeating: 0, count: count)
        var index = 0
        while index < count {
            // Two uniforms in (0, 1]: 53 random bits each.
            let u1 = (Double(generator.next() >> 11) + 1) / 9_007_199_254_740_992
            let u2 = Double(generator.next() >> 11) / 9_007_199_254_740_992
            let radius = (-2 * log(u1)).squareRoot()
            samples[index] = Float(radius * cos(2 * Double.pi * u2))
            if index + 1 < count { samples[index + 1] = Float(radius * sin(2 * Double.pi * u2)) }
            index += 2
        }
        return samples
    }

    /// Makes the largest-magnitude entry of each column of `left` positive, flipping the matching
    /// row of `right` with it.
    static func fixSigns(_ left: inout DenseMatrix, _ right: inout DenseMatrix) {
        for column in 0..<left.columns {
            var largest: Float = 0
            for row in 0..<left.rows where abs(left[row, column]) > abs(largest) { largest = left[row, column] }
            guard largest < 0 else { continue }
            for row in 0..<left.rows { left[row, column] = -left[row, column] }
            for index in 0..<right.columns { right[column, index] = -right[column, index] }
        }
    }

    static func leadingColumns(_ matrix: DenseMatrix, _ count: Int) -> DenseMatrix {
        guard count < matrix.columns else { return matrix }
        var result = DenseMatrix(rows: matrix.rows, columns: count)
        for row in 0..<matrix.rows {
            for column in 0..<count { result[row, column] = matrix[row, column] }
        }
        return result
    }
}
