extension SparseMatrix {
    /// The product of this sparse matrix (m × n) and a dense matrix (n × l): an m × l dense
    /// matrix, computed row by row in parallel. Each output row is a weighted sum of rows of
    /// `dense`, accumulated in the sparse row's column order, so the result does not depend on
    /// the thread count.
    ///
    /// - Complexity: O(nnz · l).
    public func multiplied(by dense: DenseMatrix, parallelism: Parallelism = .automatic) -> DenseMatrix {
        precondition(dense.rows == columns, "inner dimensions differ: \(columns) and \(dense.rows)")
        let width = dense.columns
        let rowCount = rows
        let output = OutputRows(count: rowCount * width)
        _ = parallelism.mapChunks(count: rowCount, minimumChunk: 256) { range -> Int in
            dense.elements.withUnsafeBufferPointer { source in
                columnIndices.withUnsafeBufferPointer { columnIndices in
                    values.withUnsafeBufferPointer { values in
                        for row in range {
                            let target = output.pointer + row * width
                            for position in rowOffsets[row]..<rowOffsets[row + 1] {
                                let weight = values[position]
                                let sourceRow = source.baseAddress! + Int(columnIndices[position]) * width
                                for column in 0..<width { target[column] += weight * sourceRow[column] }
                            }
                        }
                    }
                }
            }
            return 0
        }
        return DenseMatrix(rows: rowCount, columns: width, elements: output.take())
    }
}

/// The result rows, zeroed once and written in place by workers on disjoint rows.
private final class OutputRows: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: max(1, count))
        pointer.initialize(repeating: 0, count: count)
    }

    /// The rows as an array (one copy); the buffer is freed with the object.
    func take() -> [Float] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    deinit { pointer.deallocate() }
}
