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

    /// Restores an inverted index saved earlier: a term → documents matrix (the transpose of a
    /// document–term matrix, documents increasing within each term).
    public init(postings: SparseMatrix) {
        self.postings = postings
    }

    /// The k documents with the highest positive score for one query.
    ///
    /// - Parameters:
    ///   - query: (term, weight) pairs; terms outside the vocabulary are ignored.
    ///   - k: How many to return.
    /// - Returns: Documents best first, ties by lower index; documents scoring 0 are left out.
    /// - Complexity: O(Σ postings of the query's terms + touched × log k).
    public func topK(query: [(term: Int32, weight: Float)], k: Int) -> [ScoredIndex] {
        let scratch = Scratch(documentCount: documentCount)
        let terms = query.map(\.term)
        let weights = query.map(\.weight)
        return terms.withUnsafeBufferPointer { terms in
            weights.withUnsafeBufferPointer { weights in
                scratch.topK(terms: terms, weights: weights, postings: postings, k: k)
            }
        }
    }

    /// The score of every document for one query (zero where no term is shared), for fusing
    /// with other scores.
    ///
    /// - Complexity: O(n + Σ postings of the query's terms).
    public func scores(query: [(term: Int32, weight: Float)]) -> [Float] {
        var scores = [Float](repeating: 0, count: documentCount)
        for (term, weight) in query where term >= 0 && Int(term) < postings.rows {
            for position in postings.range(ofRow: Int(term)) {
                scores[Int(postings.columnIndices[position])] += weight * postings.values[position]
            }
        }
        return scores
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
            let scratch = Scratch(documentCount: documentCount)
            return queries.columnIndices.withUnsafeBufferPointer { allTerms in
                queries.values.withUnsafeBufferPointer { allWeights in
                    rows.map { row in
                        let span = queries.range(ofRow: row)
                        return scratch.topK(terms: UnsafeBufferPointer(rebasing: allTerms[span]),
                                            weights: UnsafeBufferPointer(rebasing: allWeights[span]),
                                            postings: postings, k: k)
                    }
                }
            }
        }
        return chunks.flatMap { $0 }
    }

    /// Score accumulators reused across the queries of one worker: a dense score per document
    /// and the list of documents touched by the current query, in memory allocated once.
    private final class Scratch {
        let scores: UnsafeMutableBufferPointer<Float>
        let touched: UnsafeMutableBufferPointer<Int32>
        var selector = TopKSelector(k: 0)

        init(documentCount: Int) {
            scores = .allocate(capacity: max(1, documentCount))
            scores.initialize(repeating: 0)
            touched = .allocate(capacity: max(1, documentCount))
        }

        deinit {
            scores.deallocate()
            touched.deallocate()
        }

        func topK(terms: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Float>, postings: SparseMatrix, k: Int) -> [ScoredIndex] {
            if selector.k != k { selector = TopKSelector(k: k) } else { selector.removeAll() }
            let documentCount = scores.count
            return postings.rowOffsets.withUnsafeBufferPointer { offsets in
                // A query whose postings cover much of the collection touches most documents:
                // then a branch-free accumulation and one dense scan beat a touched list.
                var postingCount = 0
                for term in terms where term >= 0 && Int(term) < postings.rows {
                    postingCount += offsets[Int(term) + 1] - offsets[Int(term)]
                }
                let dense = postingCount * 8 > documentCount
                var touchedCount = 0
                let scores = self.scores.baseAddress!
                let touched = self.touched.baseAddress!
                postings.columnIndices.withUnsafeBufferPointer { documents in
                    postings.values.withUnsafeBufferPointer { values in
                        let documents = documents.baseAddress!
                        let values = values.baseAddress!
                        for index in 0..<terms.count {
                            let term = Int(terms[index])
                            guard term >= 0 && term < postings.rows else { continue }
                            let weight = weights[index]
                            var position = offsets[term]
                            let end = offsets[term + 1]
                            if dense {
                                while position < end {
                                    scores[Int(documents[position])] += weight * values[position]
                                    position += 1
                                }
                            } else {
                                while position < end {
                                    let document = Int(documents[position])
                                    let old = scores[document]
                                    if old == 0 {
                                        touched[touchedCount] = Int32(truncatingIfNeeded: document)
                                        touchedCount += 1
                                    }
                                    scores[document] = old + weight * values[position]
                                    position += 1
                                }
                            }
                        }
                    }
                }
                if dense {
                    // Documents in index order, so ties resolve as in the sparse path.
                    var threshold: Float = 0
                    var full = false
                    for document in 0..<documentCount {
                        let score = scores[document]
                        if score > threshold || (!full && score > 0) {
                            selector.offer(ScoredIndex(index: Int32(truncatingIfNeeded: document), score: score))
                            full = selector.isFull
                            if full { threshold = selector.worstScore }
                        }
                    }
                    self.scores.update(repeating: 0)
                } else {
                    for index in 0..<touchedCount {
                        let document = touched[index]
                        let score = scores[Int(document)]
                        if score > 0 { selector.offer(ScoredIndex(index: document, score: score)) }
                        scores[Int(document)] = 0
                    }
                }
                return selector.sorted()
            }
        }
    }
}
