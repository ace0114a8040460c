import Foundation

/// A truncated singular value decomposition of a sparse matrix by randomized subspace
/// iteration (Halko, Martinsson & Tropp, "Finding structure with randomness", SIAM Review
/// 53(2), 2011, Algorithms 4.4 and 5.1).
///
/// With l = rank + oversampling: draw a Gaussian n × l test matrix Ω, form Y = AΩ, and refine
/// it by `powerIterations` rounds of Y ← A(AᵀY), re-orthonormalizing Y after every round (each
/// round squares the singular-value ratios, so without it small directions vanish in rounding).
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
    /// Right singular vectors as columns, n × r (the term → concept map of LSA).
    public let v: DenseMatrix

    /// Right singular vectors as rows, r × n.
    public var vt: DenseMatrix { v.transposed }

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
            v = DenseMatrix(rows: n, columns: 0)
            return
        }
        let transposed = matrix.transposed
        var generator = SplitMix64(seed: options.seed)
        let omega = DenseMatrix(rows: n, columns: width, elements: Self.gaussian(count: n * width, using: &generator))

        var y = matrix.multiplied(by: omega, parallelism: parallelism)  // m × l
        try LAPACK.orthonormalizeColumns(&y, parallelism: parallelism)
        // One round of A(Aᵀ·) squares the singular-value ratios; renormalizing once per round
        // keeps small directions above float rounding for ratios up to ~10³ per round. The
        // long side (n × l for a document–term matrix, where n ≫ m) is renormalized only when it
        // is the shorter one, since its QR costs n/m times more.
        let normalizesTermSide = n <= m
        for _ in 0..<options.powerIterations {
            var z = transposed.multiplied(by: y, parallelism: parallelism)  // n × l
            if normalizesTermSide { try LAPACK.orthonormalizeColumns(&z, parallelism: parallelism) }
            y = matrix.multiplied(by: z, parallelism: parallelism)
            try LAPACK.orthonormalizeColumns(&y, parallelism: parallelism)
        }
        // B = QᵀA is l × n with n large. Factor Bᵀ = AᵀQ = Q_b R (n × l, CholeskyQR), so
        // B = Rᵀ Q_bᵀ; the SVD of the small Rᵀ = U_r Σ W_rᵀ gives U = Q U_r and V = Q_b W_r.
        var qb = transposed.multiplied(by: y, parallelism: parallelism)
        let r = try LAPACK.orthonormalizeColumns(&qb, parallelism: parallelism)
        let small = try SingularValueDecomposition(r.transposed)  // l × l
        var left = BLAS.productInBlocks(y, small.u, parallelism: parallelism)  // m × l
        var right = BLAS.productInBlocks(qb, small.vt, transposeB: true, parallelism: parallelism)  // n × l
        Self.fixSigns(&left, &right)
        u = Self.leadingColumns(left, rank)
        singularValues = Array(small.singularValues.prefix(rank))
        v = Self.leadingColumns(right, rank)
    }

    /// Standard normal samples by the Box–Muller transform, from a seeded generator.
    public static func gaussian(count: Int, using generator: inout SplitMix64) -> [Float] {
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
    /// column of `right` with it.
    static func fixSigns(_ left: inout DenseMatrix, _ right: inout DenseMatrix) {
        let width = left.columns
        var largest = [Float](repeating: 0, count: width)
        left.elements.withUnsafeBufferPointer { elements in
            for row in 0..<left.rows {
                for column in 0..<width where abs(elements[row * width + column]) > abs(largest[column]) {
                    largest[column] = elements[row * width + column]
                }
            }
        }
        let signs = largest.map { $0 < 0 ? Float(-1) : 1 }
        guard signs.contains(-1) else { return }
        for matrix in [0, 1] {
            var target = matrix == 0 ? left : right
            let rows = target.rows
            target.elements.withUnsafeMutableBufferPointer { elements in
                for row in 0..<rows {
                    for column in 0..<width { elements[row * width + column] *= signs[column] }
                }
            }
            if matrix == 0 { left = target } else { right = target }
        }
    }

    static func leadingColumns(_ matrix: DenseMatrix, _ count: Int) -> DenseMatrix {
        guard count < matrix.columns else { return matrix }
        var elements: [Float] = []
        elements.reserveCapacity(matrix.rows * count)
        for row in 0..<matrix.rows {
            elements.append(contentsOf: matrix.elements[(row * matrix.columns)..<(row * matrix.columns + count)])
        }
        return DenseMatrix(rows: matrix.rows, columns: count, elements: elements)
    }
}
