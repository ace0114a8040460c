@testable import DuijieVectors
import Testing

/// Products checked against values multiplied out by hand.
@Suite struct BLASTests {
    // A = [[1,2,3],[4,5,6]], B = [[7,8],[9,10],[11,12]].
    let a = DenseMatrix([[1, 2, 3], [4, 5, 6]])
    let b = DenseMatrix([[7, 8], [9, 10], [11, 12]])

    @Test func sgemmMultipliesRowMajorMatrices() {
        // By hand: [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12] = [58, 64; 139, 154].
        #expect(BLAS.product(a, b) == DenseMatrix([[58, 64], [139, 154]]))
    }

    @Test func sgemmHonoursTransposes() {
        // Aᵀ·A by hand: columns (1,4), (2,5), (3,6) dotted pairwise.
        let gram = BLAS.product(a, transposeA: true, a)
        #expect(gram == DenseMatrix([[17, 22, 27], [22, 29, 36], [27, 36, 45]]))
        // Bᵀ·Aᵀ = (A·B)ᵀ.
        #expect(BLAS.product(b, transposeA: true, a, transposeB: true) == DenseMatrix([[58, 139], [64, 154]]))
    }

    @Test func sgemmAccumulatesWithAlphaAndBeta() {
        var c = DenseMatrix([[1, 1], [1, 1]])
        BLAS.multiply(a, b, alpha: 2, beta: -1, into: &c)
        #expect(c == DenseMatrix([[115, 127], [277, 307]]))  // 2·AB − 1
    }

    @Test func emptyInnerDimensionScalesTheAccumulator() {
        var c = DenseMatrix([[3, 4]])
        BLAS.multiply(DenseMatrix(rows: 1, columns: 0), DenseMatrix(rows: 0, columns: 2), beta: 0.5, into: &c)
        #expect(c == DenseMatrix([[1.5, 2]]))
    }

    @Test func sgemvMultipliesByAVector() {
        #expect(BLAS.product(a, vector: [1, 0, -1]) == [-2, -2])  // [1−3, 4−6]
        #expect(BLAS.product(a, transpose: true, vector: [1, 1]) == [5, 7, 9])  // column sums
    }

    @Test func matrixAccessorsAndTranspose() {
        var m = a
        m[1, 2] = 60
        #expect(m.row(1) == [4, 5, 60])
        #expect(a.transposed == DenseMatrix([[1, 4], [2, 5], [3, 6]]))
        #expect(BLAS.product(DenseMatrix.identity(2), a) == a)
    }
}
