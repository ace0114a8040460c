import DuijieBase
import Testing
@testable import DuijieVectors

@Suite struct RandomizedSVDTests {
    /// A dense matrix with prescribed singular values: U diag(σ) Vᵀ for random orthonormal U, V.
    static func matrix(rows: Int, columns: Int, singularValues: [Float], seed: UInt64) throws -> DenseMatrix {
        var generator = SplitMix64(seed: seed)
        var u = DenseMatrix(rows: rows, columns: singularValues.count, elements: RandomizedSVD.gaussian(count: rows * singularValues.count, using: &generator))
        var v = DenseMatrix(rows: columns, columns: singularValues.count, elements: RandomizedSVD.gaussian(count: columns * singularValues.count, using: &generator))
        try LAPACK.orthonormalizeColumns(&u)
        try LAPACK.orthonormalizeColumns(&v)
        for row in 0..<rows {
            for column in 0..<singularValues.count { u[row, column] *= singularValues[column] }
        }
        return BLAS.product(u, v, transposeB: true)
    }

    static func sparse(_ dense: DenseMatrix) -> SparseMatrix {
        SparseMatrix(columns: dense.columns, rows: (0..<dense.rows).map { row in
            (0..<dense.columns).compactMap { column in dense[row, column] == 0 ? nil : (Int32(column), dense[row, column]) }
        })
    }

    @Test func orthonormalizationGivesOrthonormalColumnsSpanningTheInput() throws {
        var generator = SplitMix64(seed: 9)
        let original = DenseMatrix(rows: 30, columns: 5, elements: RandomizedSVD.gaussian(count: 150, using: &generator))
        var q = original
        try LAPACK.orthonormalizeColumns(&q)
        let gram = BLAS.product(q, transposeA: true, q)
        for (x, y) in zip(gram.elements, DenseMatrix.identity(5).elements) { #expect(abs(x - y) < 1e-5) }
        // Q Qᵀ X = X: the columns of the input lie in the span of Q.
        let projected = BLAS.product(q, BLAS.product(q, transposeA: true, original))
        for (x, y) in zip(projected.elements, original.elements) { #expect(abs(x - y) < 1e-4) }
    }

    @Test func matchesLAPACKFullSVDWhenTheSampleCoversTheMatrix() throws {
        let dense = try Self.matrix(rows: 40, columns: 25, singularValues: (0..<25).map { Float(25 - $0) }, seed: 1)
        let exact = try SingularValueDecomposition(dense)
        let randomized = try RandomizedSVD(Self.sparse(dense), options: .init(rank: 8, oversampling: 30, powerIterations: 1))
        for (a, b) in zip(randomized.singularValues, exact.singularValues.prefix(8)) {
            #expect(abs(a - b) / b < 1e-4)
        }
        // Same subspaces: |u_r · u_exact| = 1 column by column (distinct singular values, so unique up to sign).
        for column in 0..<8 {
            var dot: Float = 0
            for row in 0..<40 { dot += randomized.u[row, column] * exact.u[row, column] }
            #expect(abs(abs(dot) - 1) < 1e-3)
        }
    }

    @Test func recoversADecayingSpectrumWithPowerIterations() throws {
        // σᵢ = 10 · 0.8ⁱ: with rank 6, oversampling 6 and 4 power iterations, the error bound of
        // Halko et al. (Thm 10.6) is driven by (σ₁₃/σ₆)^(2·4+1) = 0.8^63 ≈ 8e-7, so the leading
        // values are recovered to float precision.
        let values = (0..<30).map { Float(10 * pow(0.8, Double($0))) }
        let dense = try Self.matrix(rows: 120, columns: 80, singularValues: values, seed: 2)
        let randomized = try RandomizedSVD(Self.sparse(dense), options: .init(rank: 6, oversampling: 6, powerIterations: 4))
        for (a, b) in zip(randomized.singularValues, values) { #expect(abs(a - b) / b < 1e-4) }
    }

    @Test func theSameSeedGivesTheSameFactorsAtAnyThreadCount() throws {
        let dense = try Self.matrix(rows: 300, columns: 90, singularValues: (0..<40).map { Float(40 - $0) }, seed: 3)
        // Tall enough (3 × 2048 rows) that the blocked products really run blocks on several threads.
        let tall = try Self.matrix(rows: 6_500, columns: 90, singularValues: (0..<40).map { Float(40 - $0) }, seed: 3)
        let matrix = Self.sparse(tall)
        _ = dense
        let one = try RandomizedSVD(matrix, options: .init(rank: 10), parallelism: .serial)
        let two = try RandomizedSVD(matrix, options: .init(rank: 10), parallelism: Parallelism(threads: 4))
        #expect(one.u == two.u && one.vt == two.vt && one.singularValues == two.singularValues)
        let otherSeed = try RandomizedSVD(matrix, options: .init(rank: 10, seed: 7))
        #expect(otherSeed.u != one.u)  // a different sample, though the same subspace
    }

    @Test func sparseTimesDenseEqualsDenseProduct() {
        var generator = SplitMix64(seed: 4)
        let dense = DenseMatrix(rows: 20, columns: 6, elements: RandomizedSVD.gaussian(count: 120, using: &generator))
        let sparse = SparseMatrix(columns: 20, rows: [[(0, 1), (3, 2)], [], [(19, -1), (5, 0.5)]])
        let product = sparse.multiplied(by: dense, parallelism: Parallelism(threads: 3))
        for column in 0..<6 {
            #expect(abs(product[0, column] - (dense[0, column] + 2 * dense[3, column])) < 1e-6)
            #expect(product[1, column] == 0)
            #expect(abs(product[2, column] - (-dense[19, column] + 0.5 * dense[5, column])) < 1e-6)
        }
    }
}

import Foundation
