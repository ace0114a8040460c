/// A sparse matrix of `Float` values in compressed sparse row (CSR) form.
///
/// Row `i` holds `columnIndices[rowOffsets[i]..<rowOffsets[i + 1]]` with the matching
/// `values`; within a row, column indices are strictly increasing. This is the layout of
/// scipy's `csr_matrix` with sorted indices, so a matrix can be compared entry by entry.
public struct SparseMatrix: Sendable, Equatable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// `rows + 1` non-decreasing offsets into `columnIndices` and `values`.
    public internal(set) var rowOffsets: [Int]
    /// Column indices, row after row, increasing within a row.
    public internal(set) var columnIndices: [Int32]
    /// The stored values, parallel to `columnIndices`. Values may be changed in place (to
    /// reweight); the sparsity structure may not.
    public var values: [Float]

    /// Creates a matrix from its CSR arrays.
    ///
    /// - Precondition: The arrays form a valid CSR matrix (checked in debug builds).
    public init(rows: Int, columns: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Float]) {
        precondition(rowOffsets.count == rows + 1, "rowOffsets must have rows + 1 entries")
        precondition(columnIndices.count == values.count && rowOffsets.last == values.count, "CSR arrays disagree in length")
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
        assert(checkInvariants() == nil, checkInvariants() ?? "")
    }

    /// Creates a matrix from rows of (column, value) pairs; each row's pairs may come in any
    /// order but must not repeat a column.
    public init(columns: Int, rows entries: [[(column: Int32, value: Float)]]) {
        var offsets = [0]
        offsets.reserveCapacity(entries.count + 1)
        var indices: [Int32] = []
        var values: [Float] = []
        for row in entries {
            for entry in row.sorted(by: { $0.column < $1.column }) {
                indices.append(entry.column)
                values.append(entry.value)
            }
            offsets.append(indices.count)
        }
        self.init(rows: entries.count, columns: columns, rowOffsets: offsets, columnIndices: indices, values: values)
    }

    /// The number of stored entries.
    public var nonZeroCount: Int { values.count }

    /// The range of storage positions of row `row`.
    @inline(__always)
    public func range(ofRow row: Int) -> Range<Int> { rowOffsets[row]..<rowOffsets[row + 1] }

    /// The stored entries of one row, by increasing column.
    public func row(_ row: Int) -> [(column: Int32, value: Float)] {
        range(ofRow: row).map { (columnIndices[$0], values[$0]) }
    }

    /// The value at (row, column); zero when not stored.
    ///
    /// - Complexity: O(log d) for a row with d entries.
    public subscript(row: Int, column: Int) -> Float {
        let span = range(ofRow: row)
        var low = span.lowerBound
        var high = span.upperBound
        while low < high {
            let middle = (low + high) / 2
            if Int(columnIndices[middle]) < column { low = middle + 1 } else { high = middle }
        }
        return low < span.upperBound && Int(columnIndices[low]) == column ? values[low] : 0
    }

    /// The transpose, in CSR form: for a document–term matrix, the term → documents inverted index.
    ///
    /// - Complexity: O(nnz + rows + columns).
    public var transposed: SparseMatrix {
        var counts = [Int](repeating: 0, count: columns + 1)
        for column in columnIndices { counts[Int(column) + 1] += 1 }
        for index in 0..<columns { counts[index + 1] += counts[index] }
        var next = counts
        var indices = [Int32](repeating: 0, count: values.count)
        var newValues = [Float](repeating: 0, count: values.count)
        for row in 0..<rows {
            for position in range(ofRow: row) {
                let column = Int(columnIndices[position])
                indices[next[column]] = Int32(row)
                newValues[next[column]] = values[position]
                next[column] += 1
            }
        }
        return SparseMatrix(rows: columns, columns: rows, rowOffsets: counts, columnIndices: indices, values: newValues)
    }

    /// Scales every row to unit Euclidean length; empty rows stay empty.
    ///
    /// - Complexity: O(nnz).
    public mutating func normalizeRows() {
        for row in 0..<rows {
            let span = range(ofRow: row)
            var sum: Double = 0
            for position in span { sum += Double(values[position]) * Double(values[position]) }
            guard sum > 0 else { continue }
            let scale = Float(1 / sum.squareRoot())
            for position in span { values[position] *= scale }
        }
    }

    /// A description of the first broken CSR invariant, or `nil` when the matrix is valid:
    /// offsets start at 0 and never decrease, columns are in range and increase within a row,
    /// values are finite.
    public func checkInvariants() -> String? {
        guard rowOffsets.first == 0 else { return "rowOffsets must start at 0" }
        for row in 0..<rows {
            guard rowOffsets[row] <= rowOffsets[row + 1] else { return "rowOffsets decrease at row \(row)" }
            var previous: Int32 = -1
            for position in range(ofRow: row) {
                let column = columnIndices[position]
                guard column > previous else { return "columns not increasing in row \(row)" }
                guard column < columns else { return "column \(column) out of range in row \(row)" }
                guard values[position].isFinite else { return "non-finite value in row \(row)" }
                previous = column
            }
        }
        return nil
    }
}

extension SparseMatrix {
    /// The columns in `range` as a matrix of their own, renumbered from 0, with every row kept:
    /// for an inverted index (term → documents), the postings of a contiguous run of documents.
    ///
    /// - Complexity: O(nnz + rows) (each row's columns are increasing, so a row's share of the
    ///   range is found by binary search).
    public func columns(in range: Range<Int>) -> SparseMatrix {
        precondition(range.lowerBound >= 0 && range.upperBound <= columns, "column range out of bounds")
        let low = Int32(range.lowerBound), high = Int32(range.upperBound)
        var offsets = [0]
        offsets.reserveCapacity(rows + 1)
        var indices: [Int32] = []
        var kept: [Float] = []
        for row in 0..<rows {
            let span = self.range(ofRow: row)
            let start = Self.firstPosition(in: columnIndices, span, notBelow: low)
            let end = Self.firstPosition(in: columnIndices, start..<span.upperBound, notBelow: high)
            for position in start..<end {
                indices.append(columnIndices[position] - low)
                kept.append(values[position])
            }
            offsets.append(indices.count)
        }
        return SparseMatrix(rows: rows, columns: range.count, rowOffsets: offsets, columnIndices: indices, values: kept)
    }

    /// The first position in `span` whose column is at least `column` (`span.upperBound` if none).
    private static func firstPosition(in indices: [Int32], _ span: Range<Int>, notBelow column: Int32) -> Int {
        var low = span.lowerBound, high = span.upperBound
        while low < high {
            let middle = (low + high) / 2
            if indices[middle] < column { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
