import DuijieText
import DuijieVectors

extension TextMatcher {
    /// The best `top` achievements (lexical score) for each of many demands at once: their
    /// query vectors as one sparse matrix against the index, in parallel, identical for any
    /// thread count. Each result is (row in `achievementIDs`, score), best first.
    public func match(demands: [Demand], top: Int, parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        let rows = parallelism.mapChunks(count: demands.count, minimumChunk: 64) { range in
            range.map { index -> [(column: Int32, value: Float)] in
                terms.queryVector(analyzed(demands[index]), fieldWeights: fieldWeights.array).map { (column: $0.term, value: $0.weight) }
            }
        }.flatMap { $0 }
        let queries = SparseMatrix(columns: terms.statistics.terms.count, rows: rows)
        return similarity.topK(queries: queries, k: top, parallelism: parallelism)
    }
}
