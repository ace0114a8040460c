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
        let elements = [Float](unsafeUninitializedCapacity: rowCount * width) { buffer, initialized in
            buffer.initialize(repeating: 0)
            let output = SharedOutput(buffer.baseAddress)
            _ = parallelism.mapChunks(count: rowCount, minimumChunk: 256) { range -> Int in
                dense.elements.withUnsafeBufferPointer { source in
                    columnIndices.withUnsafeBufferPointer { columnIndices in
                        values.withUnsafeBufferPointer { values in
                            for row in range {
                                guard let target = output.pointer?.advanced(by: row * width) else { continue }
                                for position in rowOffsets[row]..<rowOffsets[row + 1] {
                                    Self.addScaled(values[position], source.baseAddress! + Int(columnIndices[position]) * width, to: target, count: width)
                                }
                            }
                        }
                    }
                }
                return 0
            }
            initialized = rowCount * width
        }
        return DenseMatrix(rows: rowCount, columns: width, elements: elements)
    }

    /// target[0..<count] += weight × source[0..<count], sixteen lanes at a time.
    @inline(__always)
    static func addScaled(_ weight: Float, _ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var index = 0
        let scale = SIMD16<Float>(repeating: weight)
        let sourceRaw = UnsafeRawPointer(source)
        let targetRaw = UnsafeMutableRawPointer(target)
        while index + 16 <= count {
            let sum = targetRaw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
                + scale * sourceRaw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            targetRaw.storeBytes(of: sum, toByteOffset: index * 4, as: SIMD16<Float>.self)
            index += 16
        }
        while index < count {
            target[index] += weight * source[index]
            index += 1
        }
    }
}

/// The output array's storage, handed to workers that write disjoint rows.
private struct SharedOutput: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>?
    init(_ pointer: UnsafeMutablePointer<Float>?) { self.pointer = pointer }
}
