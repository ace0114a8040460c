import DuijieBase
@testable import DuijieVectors
import Testing

@Suite struct SparseColumnSliceTests {
    /// A random 40 × 30 matrix with about a quarter of its entries stored.
    static func randomMatrix() -> SparseMatrix {
        var random = SplitMix64(seed: 11)
        let rows = (0..<40).map { _ in
            (0..<30).compactMap { column -> (column: Int32, value: Float)? in
                random.next() % 4 == 0 ? (Int32(column), Float(random.next() % 1000) / 100 + 0.01) : nil
            }
        }
        return SparseMatrix(columns: 30, rows: rows)
    }

    @Test func columnsInARangeAreThoseEntriesRenumbered() {
        let matrix = Self.randomMatrix()
        for range in [0..<30, 0..<0, 0..<1, 29..<30, 7..<19, 12..<12] {
            let slice = matrix.columns(in: range)
            #expect(slice.rows == matrix.rows && slice.columns == range.count)
            #expect(slice.checkInvariants() == nil)
            // Expected: every stored entry of the row whose column falls in the range, walked
            // one by one (no binary search), shifted down by the range's start.
            for row in 0..<matrix.rows {
                let expected = matrix.row(row).filter { range.contains(Int($0.column)) }.map { (Int($0.column) - range.lowerBound, $0.value) }
                let actual = slice.row(row).map { (Int($0.column), $0.value) }
                #expect(actual.map(\.0) == expected.map(\.0) && actual.map(\.1) == expected.map(\.1), "row \(row), columns \(range)")
            }
        }
    }

    @Test func slicesCoverTheMatrixOnce() {
        let matrix = Self.randomMatrix()
        let parts = [0..<9, 9..<20, 20..<30].map { matrix.columns(in: $0) }
        #expect(parts.map(\.nonZeroCount).reduce(0, +) == matrix.nonZeroCount)
    }
}
