@testable import DuijieVectors
import Testing

/// `LAPACKE_sgesdd` checked against singular values known by hand or computed by numpy.
@Suite struct SingularValueDecompositionTests {
    @Test func singularValuesOfATwoByTwoMatchHandComputation() throws {
        // A = [[3,0],[4,5]]: AᵀA = [[25,20],[20,25]] has eigenvalues 45 and 5, so σ = 3√5, √5.
        let svd = try SingularValueDecomposition(DenseMatrix([[3, 0], [4, 5]]))
        #expect(abs(svd.singularValues[0] - 6.708_203_9) < 1e-5)
        #expect(abs(svd.singularValues[1] - 2.236_068) < 1e-5)
    }

    @Test func tallMatrixMatchesNumpy() throws {
        let matrix = DenseMatrix([[2, 0, 1], [1, 3, 0], [0, 1, 4], [1, 1, 1]])
        let svd = try SingularValueDecomposition(matrix)
        // numpy.linalg.svd(A, compute_uv=False) in float64.
        let expected: [Float] = [4.680_722_868, 3.051_490_259, 1.944_026_911]
        for (value, reference) in zip(svd.singularValues, expected) {
            #expect(abs(value - reference) < 1e-5)
        }
        expectFactorization(svd, reproduces: matrix)
    }

    @Test func wideMatrixWithOrthogonalRows() throws {
        // Rows (1,2,0,−1) and (0,1,3,2) are orthogonal with squared norms 6 and 14, so σ = √14, √6.
        let matrix = DenseMatrix([[1, 2, 0, -1], [0, 1, 3, 2]])
        let svd = try SingularValueDecomposition(matrix)
        #expect(svd.u.rows == 2 && svd.u.columns == 2 && svd.vt.rows == 2 && svd.vt.columns == 4)
        #expect(abs(svd.singularValues[0] - 14.0.squareRoot().float) < 1e-5)
        #expect(abs(svd.singularValues[1] - 6.0.squareRoot().float) < 1e-5)
        expectFactorization(svd, reproduces: matrix)
    }

    @Test func rankDeficientMatrixHasAZeroSingularValue() throws {
        // The second row is twice the first: rank 1, σ₁ = ‖(1,2,2)‖·‖(1,2)‖ = 3·√5.
        let svd = try SingularValueDecomposition(DenseMatrix([[1, 2, 2], [2, 4, 4]]))
        #expect(abs(svd.singularValues[0] - 3 * 5.0.squareRoot().float) < 1e-5)
        #expect(abs(svd.singularValues[1]) < 1e-5)
    }

    @Test func emptyMatrixGivesAnEmptyDecomposition() throws {
        let svd = try SingularValueDecomposition(DenseMatrix(rows: 0, columns: 3))
        #expect(svd.singularValues.isEmpty)
    }

    /// U·diag(S)·Vᵀ reproduces the matrix, and U and V have orthonormal columns.
    private func expectFactorization(_ svd: SingularValueDecomposition, reproduces matrix: DenseMatrix) {
        var scaledU = svd.u
        for i in 0..<scaledU.rows {
            for j in 0..<scaledU.columns { scaledU[i, j] *= svd.singularValues[j] }
        }
        let rebuilt = BLAS.product(scaledU, svd.vt)
        for (x, y) in zip(rebuilt.elements, matrix.elements) { #expect(abs(x - y) < 1e-4) }
        let uTu = BLAS.product(svd.u, transposeA: true, svd.u)
        let vvT = BLAS.product(svd.vt, svd.vt, transposeB: true)
        for (x, y) in zip(uTu.elements, DenseMatrix.identity(uTu.rows).elements) { #expect(abs(x - y) < 1e-5) }
        for (x, y) in zip(vvT.elements, DenseMatrix.identity(vvT.rows).elements) { #expect(abs(x - y) < 1e-5) }
    }
}

extension Double {
    var float: Float { Float(self) }
}
