/// Exact top-k retrieval by inner product over dense vectors (LSA document vectors): one query
/// through `cblas_sgemv`, a batch through `cblas_sgemm` over tiles of bounded memory.
///
/// A batch is cut into blocks of queries and tiles of documents; each block × tile product is
/// one `sgemm` call (the only place the floating-point work happens, at BLAS speed), and its
/// rows are scanned in parallel into per-query top-k selectors. Tiles are visited in document
/// order and every score comes from the same BLAS dot product, so rankings do not depend on the
/// tile sizes or the Swift thread count; ties go to the lower index.
public struct DenseSimilarity: Sendable {
    /// How document vectors are stored.
    public enum Storage: Sendable, Equatable {
        /// 4 bytes per value.
        case float32
        /// 2 bytes per value: half the memory, converted to `Float` tile by tile for `sgemm`.
        case float16
    }

    /// The number of documents.
    public let count: Int
    /// The vector length.
    public let dimensions: Int
    /// How the vectors are stored.
    public let storage: Storage
    private let vectors32: [Float]
    private let vectors16: [Float16]

    /// Holds document vectors for search.
    ///
    /// - Parameters:
    ///   - vectors: n × d, one document per row (normalize rows for cosine scores).
    ///   - storage: Float32 (exact) or Float16 (half the memory).
    public init(vectors: DenseMatrix, storage: Storage = .float32) {
        count = vectors.rows
        dimensions = vectors.columns
        self.storage = storage
        switch storage {
        case .float32:
            vectors32 = vectors.elements
            vectors16 = []
        case .float16:
            vectors32 = []
            vectors16 = vectors.elements.map { Float16($0) }
        }
    }

    /// The bytes the stored vectors occupy.
    public var memoryBytes: Int { vectors32.count * 4 + vectors16.count * 2 }

    /// Document vectors `range` as a Float32 matrix (converted when stored as Float16).
    func tile(_ range: Range<Int>) -> DenseMatrix {
        let span = (range.lowerBound * dimensions)..<(range.upperBound * dimensions)
        switch storage {
        case .float32: return DenseMatrix(rows: range.count, columns: dimensions, elements: Array(vectors32[span]))
        case .float16: return DenseMatrix(rows: range.count, columns: dimensions, elements: HalfConversion.floats(vectors16[span]))
        }
    }

    /// The inner product of `query` with every document, by `sgemv`.
    public func scores(query: [Float]) -> [Float] {
        precondition(query.count == dimensions, "query has \(query.count) dimensions, documents \(dimensions)")
        guard storage == .float16 else {
            return BLAS.product(DenseMatrix(rows: count, columns: dimensions, elements: vectors32), vector: query)
        }
        var result: [Float] = []
        result.reserveCapacity(count)
        var start = 0
        while start < count {
            let range = start..<min(count, start + 65_536)
            result += BLAS.product(tile(range), vector: query)
            start = range.upperBound
        }
        return result
    }

    /// The k documents with the highest inner product with `query`.
    ///
    /// - Complexity: O(n · d) in one `sgemv`, plus O(n) selection.
    public func topK(query: [Float], k: Int) -> [ScoredIndex] {
        precondition(query.count == dimensions, "query has \(query.count) dimensions, documents \(dimensions)")
        var selector = TopKSelector(k: k)
        let tileSize = storage == .float32 ? max(count, 1) : 65_536
        var start = 0
        while start < count {
            let range = start..<min(count, start + tileSize)
            Self.scan(BLAS.product(tile(range), vector: query), offset: range.lowerBound, into: &selector)
            start = range.upperBound
        }
        return selector.sorted()
    }

    /// The top k documents for every row of `queries`.
    ///
    /// - Parameters:
    ///   - queries: m × d, one query per row.
    ///   - k: How many documents per query.
    ///   - queryBlock: Queries per `sgemm` call (a fixed partition, so results do not depend on
    ///     the thread count).
    ///   - documentTile: Documents per `sgemm` call; each thread holds queryBlock × documentTile floats.
    ///   - parallelism: Threads; each runs single-threaded `sgemm` calls on its own query blocks.
    /// - Complexity: O(m · n · d) in `sgemm`, plus O(m · n) scanning.
    public func topK(queries: DenseMatrix, k: Int, queryBlock: Int = 512, documentTile: Int = 8_192,
                     parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        precondition(queries.columns == dimensions, "queries have \(queries.columns) dimensions, documents \(dimensions)")
        let blockSize = max(1, min(queryBlock, queries.rows))
        let blockCount = (queries.rows + blockSize - 1) / blockSize
        let tileSize = max(1, min(documentTile, count))
        let selectors = SelectorBank(count: queries.rows, k: k)
        let dimensions = self.dimensions
        // Document tiles outside (a Float16 tile is converted once), query blocks inside, spread
        // over the threads; each query meets the documents in index order.
        var tileStart = 0
        while tileStart < count {
            let tileRange = tileStart..<min(count, tileStart + tileSize)
            let converted: [Float] = storage == .float16 ? HalfConversion.floats(vectors16[(tileRange.lowerBound * dimensions)..<(tileRange.upperBound * dimensions)]) : []
            let vectors32 = self.vectors32
            let float16 = storage == .float16
            _ = parallelism.mapChunks(count: blockCount, minimumChunk: 1) { blocks -> Int in
                let products = ProductBuffer(count: blockSize * tileRange.count)
                for block in blocks {
                    let rows = (block * blockSize)..<min(queries.rows, (block + 1) * blockSize)
                    queries.elements.withUnsafeBufferPointer { queryElements in
                        let multiply = { (documents: UnsafePointer<Float>) in
                            BLAS.multiplyTransposed(m: rows.count, n: tileRange.count, k: dimensions,
                                                    a: queryElements.baseAddress! + rows.lowerBound * dimensions, lda: dimensions,
                                                    b: documents, ldb: dimensions, c: products.pointer, ldc: tileRange.count)
                        }
                        if float16 {
                            converted.withUnsafeBufferPointer { multiply($0.baseAddress!) }
                        } else {
                            vectors32.withUnsafeBufferPointer { multiply($0.baseAddress! + tileRange.lowerBound * dimensions) }
                        }
                    }
                    for (offset, row) in rows.enumerated() {
                        selectors.update(row) { selector in
                            Self.scan(UnsafeBufferPointer(start: products.pointer + offset * tileRange.count, count: tileRange.count),
                                      offset: tileRange.lowerBound, into: &selector)
                        }
                    }
                }
                return 0
            }
            tileStart = tileRange.upperBound
        }
        return selectors.sortedResults()
    }

    /// Offers scores (documents `offset`, `offset + 1`, …) to a selector, skipping any that
    /// cannot enter once it is full.
    @inline(__always)
    static func scan(_ scores: [Float], offset: Int, into selector: inout TopKSelector) {
        scores.withUnsafeBufferPointer { scan($0, offset: offset, into: &selector) }
    }

    /// Offers scores to a selector. Once it is full, blocks of 16 scores whose maximum does not
    /// beat the worst kept score are skipped with one SIMD comparison; an equal score never
    /// enters, because it comes later in index order than the item it ties.
    static func scan(_ scores: UnsafeBufferPointer<Float>, offset: Int, into selector: inout TopKSelector) {
        guard let base = scores.baseAddress else { return }
        let count = scores.count
        var index = 0
        while index < count && !selector.isFull {
            if !base[index].isNaN { selector.offer(ScoredIndex(index: Int32(truncatingIfNeeded: offset + index), score: base[index])) }
            index += 1
        }
        guard selector.isFull else { return }
        var threshold = selector.worstScore
        var thresholds = SIMD16<Float>(repeating: threshold)
        let raw = UnsafeRawPointer(base)
        while index + 16 <= count {
            let block = raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD16<Float>.self)
            if any(block .> thresholds) {
                for lane in 0..<16 where base[index + lane] > threshold {
                    selector.offer(ScoredIndex(index: Int32(truncatingIfNeeded: offset + index + lane), score: base[index + lane]))
                    threshold = selector.worstScore
                }
                thresholds = SIMD16<Float>(repeating: threshold)
            }
            index += 16
        }
        while index < count {
            if base[index] > threshold {
                selector.offer(ScoredIndex(index: Int32(truncatingIfNeeded: offset + index), score: base[index]))
                threshold = selector.worstScore
            }
            index += 1
        }
    }
}

/// A product tile, allocated once per batch and overwritten by every `sgemm` (beta = 0).
private final class ProductBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>

    init(count: Int) {
        pointer = .allocate(capacity: max(1, count))
    }

    deinit { pointer.deallocate() }
}

/// One top-k selector per query of a block, in storage allocated once, so that workers can
/// update disjoint selectors concurrently without touching a shared Swift array (whose
/// exclusivity checks would trap).
private final class SelectorBank: @unchecked Sendable {
    private let selectors: UnsafeMutableBufferPointer<TopKSelector>

    init(count: Int, k: Int) {
        selectors = .allocate(capacity: count)
        selectors.initialize(repeating: TopKSelector(k: k))
    }

    deinit {
        selectors.deinitialize()
        selectors.deallocate()
    }

    /// Updates selector `index`; callers touch disjoint indices concurrently.
    func update(_ index: Int, _ body: (inout TopKSelector) -> Void) {
        body(&selectors[index])
    }

    func sortedResults() -> [[ScoredIndex]] { selectors.map { $0.sorted() } }
}
