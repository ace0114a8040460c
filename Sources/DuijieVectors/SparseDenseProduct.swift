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
        let blocks = parallelism.mapChunks(count: rowCount, minimumChunk: 256) { range -> [Float] in
            var block = [Float](repeating: 0, count: range.count * width)
            block.withUnsafeMutableBufferPointer { output in
                dense.elements.withUnsafeBufferPointer { source in
                    columnIndices.withUnsafeBufferPointer { columnIndices in
                        values.withUnsafeBufferPointer { values in
                            for (outputRow, row) in range.enumerated() {
                                let target = output.baseAddress! + outputRow * width
                                for position in rowOffsets[row]..<rowOffsets[row + 1] {
                                    let weight = values[position]
                                    let sourceRow = source.baseAddress! + Int(columnIndices[position]) * width
                                    for column in 0..<width { target[column] += weight * sourceRow[column] }
                                }
                            }
                        }
                    }
                }
            }
            return block
        }
        var elements: [Float] = []
        elements.reserveCapacity(rowCount * width)
        for block in blocks { elements.append(contentsOf: block) }
        return DenseMatrix(rows: rowCount, columns: width, elements: elements)
    }
}
