import DuijieCorpus
import DuijieText
import DuijieVectors

extension TextMatcher {
    /// How many demands `match(demands:top:)` turns into query vectors at a time.
    static let batchBlock = 8_192

    /// The best `top` achievements (lexical score) for each of many demands at once: their
    /// query vectors as one sparse matrix against the index, in parallel, identical for any
    /// thread count. Each result is (row in `documentIDs`, score), best first.
    ///
    /// Demands are taken a block of 8,192 at a time, so the query vectors of a large batch
    /// never coexist; results do not depend on the block size.
    public func match(demands: [Demand], top: Int, parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        var results: [[ScoredIndex]] = []
        results.reserveCapacity(demands.count)
        for start in stride(from: 0, to: demands.count, by: Self.batchBlock) {
            let block = demands[start..<min(demands.count, start + Self.batchBlock)]
            let rows = parallelism.mapChunks(count: block.count, minimumChunk: 64) { range in
                range.map { offset -> [(column: Int32, value: Float)] in
                    terms.queryVector(analyzed(block[block.startIndex + offset]), fieldWeights: fieldWeights.array).map { (column: $0.term, value: $0.weight) }
                }
            }.flatMap { $0 }
            let queries = SparseMatrix(columns: terms.statistics.terms.count, rows: rows)
            results += similarity.topK(queries: queries, k: top, parallelism: parallelism)
        }
        return results
    }
}
