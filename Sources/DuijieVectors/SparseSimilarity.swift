/// Exact top-k retrieval by dot product over sparse vectors: documents are rows of a CSR
/// matrix, held as an inverted index (its transpose), and a query's score for a document is
/// Σ query weight × document weight over shared terms — the cosine when both are
/// l2-normalized, BM25 when the documents hold BM25 weights.
///
/// A query touches only the postings of its own terms, accumulating into a dense scratch
/// array that is cleared by walking the touched list (the scheme of sparse_dot_topn), then a
/// bounded heap picks the top k. Batch retrieval splits queries across threads, each with its
/// own scratch; each query's scores are summed in its own term order, so results are
/// identical for any thread count.
public struct SparseSimilarity: Sendable {
    /// The term → documents postings: the transpose of the document–term matrix.
    public let postings: SparseMatrix
    /// The number of documents.
    public var documentCount: Int { postings.columns }

    /// Builds the inverted index of a document–term matrix.
    ///
    /// - Complexity: O(nnz + documents + terms).
    public init(documents: SparseMatrix) {
        postings = documents.transposed
    }

    /// The k documents with the highest positive score for one query.
    ///
    /// - Parameters:
    ///   - query: (term, weight) pairs; terms outside the vocabulary are ignored.
    ///   - k: How many to return.
    /// - Returns: Documents best first, ties by lower index; documents scoring 0 are left out.
    /// - Complexity: O(Σ postings of the query's terms + touched × log k).
    public func topK(query: [(term: Int32, weight: Float)], k: Int) -> [ScoredIndex] {
        var scratch = Scratch(documentCount: documentCount)
        return scratch.topK(query: query, postings: postings, k: k)
    }

    /// The top k documents for every row of `queries` (a query–term matrix over the same
    /// vocabulary), computed in parallel.
    ///
    /// - Parameters:
    ///   - queries: One query per row.
    ///   - k: How many documents per query.
    ///   - parallelism: The number of threads.
    /// - Returns: One ranking per query row.
    public func topK(queries: SparseMatrix, k: Int, parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        let postings = self.postings
        let documentCount = self.documentCount
        let chunks = parallelism.mapChunks(count: queries.rows, minimumChunk: 16) { rows -> [[ScoredIndex]] in
            var scratch = Scratch(documentCount: documentCount)
            return rows.map { row in
                let query = queries.range(ofRow: row).map { (queries.columnIndices[$0], queries.values[$0]) }
                return scratch.topK(query: query, postings: postings, k: k)
            }
        }
        return chunks.flatMap { $0 }
    }

    /// Score accumulators reused across the queries of one worker.
    private struct Scratch {
        var scores: [Float]
        var touched: [Int32] = []
        var selector: TopKSelector

        init(documentCount: Int) {
            scores = [Float](repeating: 0, count: documentCount)
            selector = TopKSelector(k: 0)
        }

        mutating func topK(query: [(term: Int32, weight: Float)], postings: SparseMatrix, k: Int) -> [ScoredIndex] {
            touched.removeAll(keepingCapacity: true)
            scores.withUnsafeMutableBufferPointer { scores in
                postings.columnIndices.withUnsafeBufferPointer { documents in
                    postings.values.withUnsafeBufferPointer { weights in
                        for (term, weight) in query where term >= 0 && Int(term) < postings.rows {
                            for position in postings.range(ofRow: Int(term)) {
                                let document = Int(documents[position])
                                if scores[document] == 0 { touched.append(Int32(document)) }
                                scores[document] += weight * weights[position]
                            }
                        }
                    }
                }
            }
            if selector.k != k { selector = TopKSelector(k: k) } else { selector.removeAll() }
            for document in touched {
                let score = scores[Int(document)]
                if score > 0 { selector.offer(ScoredIndex(index: document, score: score)) }
                scores[Int(document)] = 0
            }
            return selector.sorted()
        }
    }
}
