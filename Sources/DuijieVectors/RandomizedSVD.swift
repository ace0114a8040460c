import DuijieBase
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
    ///   - transposed: `matrix.transposed`, when the caller has it already (an inverted
    ///     index); otherwise it is formed here, for the time of the decomposition.
    ///   - options: Rank, oversampling, power iterations and seed.
    ///   - parallelism: Threads for the sparse products.
    /// - Throws: `DuijieError` when a LAPACK routine fails.
    /// - Complexity: O((q + 1) · nnz · l + (m + n) · l²) for q power iterations.
    public init(_ matrix: SparseMatrix, transposed: SparseMatrix? = nil, options: Options = Options(),
                parallelism: Parallelism = .automatic) throws(DuijieError) {
        precondition(transposed.map { $0.rows == matrix.columns && $0.columns == matrix.rows } ?? true, "not the matrix's transpose")
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
        let transposed = transposed ?? matrix.transposed
        var generator = SplitMix64(seed: options.seed)
        let omega = DenseMatrix(rows: n, columns: width, elements: Self.gaussian(count: n * width, seed: generator.next(), parallelism: parallelism))

        var y = matrix.multiplied(by: omega, parallelism: parallelism)  // m × l
        try LAPACK.orthonormalizeColumns(&y, passes: 1, parallelism: parallelism)
        // One round of A(Aᵀ·) squares the singular-value ratios; renormalizing once per round
        // keeps small directions above float rounding for ratios up to ~10³ per round. The
        // long side (n × l for a document–term matrix, where n ≫ m) is renormalized only when it
        // is the shorter one, since its QR costs n/m times more.
        let normalizesTermSide = n <= m
        for _ in 0..<options.powerIterations {
            var z = transposed.multiplied(by: y, parallelism: parallelism)  // n × l
            if normalizesTermSide { try LAPACK.orthonormalizeColumns(&z, passes: 1, parallelism: parallelism) }
            y = matrix.multiplied(by: z, parallelism: parallelism)
            try LAPACK.orthonormalizeColumns(&y, passes: 1, parallelism: parallelism)
        }
        // The final basis must be orthonormal to working precision: a second pass.
        try LAPACK.orthonormalizeColumns(&y, passes: 1, parallelism: parallelism)
        // B = QᵀA is l × n with n large; Bᵀ = AᵀQ comes from one sparse product. The small
        // symmetric BBᵀ = Û Σ² Ûᵀ (l × l, by ssyevd) gives Σ and Û; then V = BᵀÛΣ⁻¹ and U = QÛ.
        // Forming BBᵀ squares the condition number of the spectrum: in float32 the relative error
        // of σᵢ is about ε·(σ₁/σᵢ)², 10⁻⁵ for the σ₁/σᵢ ≈ 15 of a 256-dimensional TF-IDF model;
        // directions with σᵢ below 10⁻³·σ₁ are dropped (their V would be noise).
        let bt = transposed.multiplied(by: y, parallelism: parallelism)  // n × l
        let (eigenvalues, eigenvectors) = try LAPACK.symmetricEigen(BLAS.gramInBlocks(bt, parallelism: parallelism))
        let values = eigenvalues.map { Float(max(0, $0).squareRoot()) }
        let cutoff = (values.first ?? 0) * 1e-3
        var inverse = eigenvectors
        for row in 0..<width {
            for column in 0..<width { inverse.elements[row * width + column] *= values[column] > cutoff ? 1 / values[column] : 0 }
        }
        var left = BLAS.productInBlocks(y, eigenvectors, parallelism: parallelism)  // m × l
        var right = BLAS.productInBlocks(bt, inverse, parallelism: parallelism)  // n × l
        Self.fixSigns(&left, &right)
        u = Self.leadingColumns(left, rank)
        singularValues = Array(values.prefix(rank))
        v = Self.leadingColumns(right, rank)
    }

    /// Standard normal samples from a seed, by Marsaglia's polar method (no trigonometry), in
    /// fixed blocks of 65,536 each seeded from `seed` and the block number — the same samples for
    /// any thread count.
    public static func gaussian(count: Int, seed: UInt64, parallelism: Parallelism = .automatic) -> [Float] {
        let blockSize = 65_536
        let blockCount = (count + blockSize - 1) / blockSize
        return parallelism.mapChunks(count: blockCount, minimumChunk: 1) { blocks in
            blocks.flatMap { block -> [Float] in
                var generator = SplitMix64(seed: seed &+ UInt64(block) &* 0x9E37_79B9_7F4A_7C15)
                var samples = [Float](repeating: 0, count: min(blockSize, count - block * blockSize))
                var index = 0
                while index < samples.count {
                    // Two uniforms in (−1, 1) from 24 random bits each; accept inside the unit disc.
                    let u = Float(generator.next() >> 40) / 8_388_608 - 1
                    let v = Float(generator.next() >> 40) / 8_388_608 - 1
                    let s = u * u + v * v
                    guard s > 0 && s < 1 else { continue }
                    let factor = (-2 * log(s) / s).squareRoot()
                    samples[index] = u * factor
                    if index + 1 < samples.count { samples[index + 1] = v * factor }
                    index += 2
                }
                return samples
            }
        }.flatMap { $0 }
    }

    /// Standard normal samples by the Box–Muller transform, from a generator (for small inputs).
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
