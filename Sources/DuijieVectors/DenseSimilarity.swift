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
        case .float16: return DenseMatrix(rows: range.count, columns: dimensions, elements: vectors16[span].map { Float($0) })
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
            let scores = BLAS.product(tile(range), vector: query)
            Self.scan(scores, offset: range.lowerBound, into: &selector)
            start = range.upperBound
        }
        return selector.sorted()
    }

    /// The top k documents for every row of `queries`.
    ///
    /// - Parameters:
    ///   - queries: m × d, one query per row.
    ///   - k: How many documents per query.
    ///   - queryBlock: Queries per `sgemm` call.
    ///   - documentTile: Documents per `sgemm` call; memory is queryBlock × documentTile floats.
    ///   - parallelism: Threads for scanning products (BLAS uses its own threads).
    /// - Complexity: O(m · n · d) in `sgemm`, plus O(m · n) scanning.
    public func topK(queries: DenseMatrix, k: Int, queryBlock: Int = 1_024, documentTile: Int = 16_384,
                     parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        precondition(queries.columns == dimensions, "queries have \(queries.columns) dimensions, documents \(dimensions)")
        var results: [[ScoredIndex]] = []
        results.reserveCapacity(queries.rows)
        var blockStart = 0
        while blockStart < queries.rows {
            let blockRange = blockStart..<min(queries.rows, blockStart + max(1, queryBlock))
            let block = DenseMatrix(rows: blockRange.count, columns: dimensions,
                                    elements: Array(queries.elements[(blockRange.lowerBound * dimensions)..<(blockRange.upperBound * dimensions)]))
            let selectors = SelectorBank(count: blockRange.count, k: k)
            var tileStart = 0
            while tileStart < count {
                let tileRange = tileStart..<min(count, tileStart + max(1, documentTile))
                let scores = BLAS.product(block, tile(tileRange), transposeB: true)  // block × tile
                let width = tileRange.count
                _ = parallelism.mapChunks(count: blockRange.count, minimumChunk: 8) { rows in
                    scores.elements.withUnsafeBufferPointer { all in
                        for row in rows {
                            selectors.update(row) { selector in
                                Self.scan(UnsafeBufferPointer(rebasing: all[(row * width)..<((row + 1) * width)]),
                                          offset: tileRange.lowerBound, into: &selector)
                            }
                        }
                    }
                    return 0
                }
                tileStart = tileRange.upperBound
            }
            results.append(contentsOf: selectors.sortedResults())
            blockStart = blockRange.upperBound
        }
        return results
    }

    /// Offers scores (documents `offset`, `offset + 1`, …) to a selector, skipping any that
    /// cannot enter once it is full.
    @inline(__always)
    static func scan<Scores: Collection>(_ scores: Scores, offset: Int, into selector: inout TopKSelector) where Scores.Element == Float, Scores.Index == Int {
        var threshold = selector.isFull ? selector.worstScore : -Float.infinity
        var index = offset
        for score in scores {
            if score > threshold || (!selector.isFull && !score.isNaN) {
                selector.offer(ScoredIndex(index: Int32(truncatingIfNeeded: index), score: score))
                if selector.isFull { threshold = selector.worstScore }
            }
            index += 1
        }
    }
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
