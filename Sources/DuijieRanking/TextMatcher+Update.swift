import DuijieText
import DuijieVectors

extension TextMatcher {
    /// This matcher over another set of documents, without weighting the collection again:
    /// the document at row *r* of `ids` reuses this matcher's row `baseRows[r]` when it is
    /// not nil (its weights and LSA vector as they are), and is otherwise analyzed from
    /// `document(r)` and weighted with this matcher's statistics (`WeightedTerms.documentVector`)
    /// and folded into its LSA basis. Terms the collection has not seen are appended to the
    /// vocabulary, with the idf their frequency among the new documents gives out of all of
    /// `ids`; they have no LSA direction until the collection is indexed again.
    ///
    /// Reused rows must keep their relative order (`baseRows` increases where it is not nil).
    ///
    /// - Returns: The matcher, and each new document's weighted vector by its row.
    /// - Complexity: O(postings + new documents' terms), plus the LSA vectors copied.
    func updated(ids: [String], baseRows: [Int?], document: (Int) -> IndexedDocument) -> (matcher: TextMatcher, newVectors: [Int: [(term: Int32, weight: Float)]]) {
        precondition(ids.count == baseRows.count, "one base row per document")
        // Each new document's weighted counts, by term string, in the build's field weighting.
        let newRows = ids.indices.filter { baseRows[$0] == nil }
        let newCounts = newRows.map { weightedCounts(of: document($0)) }
        // Terms new to the collection, in byte order, after the existing ones.
        let statistics = terms.statistics
        var unseen: [String: Int32] = [:]
        for counts in newCounts {
            for term in counts.keys where statistics.id(of: term) == nil { unseen[term, default: 0] += 1 }
        }
        let newTerms = unseen.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let extendedStatistics = statistics.appending(newTerms, documentFrequencies: newTerms.map { unseen[$0]! })
        let newIDF = newTerms.map { terms.weighting.inverseDocumentFrequency(of: Int(unseen[$0]!), among: ids.count) }
        let extended = WeightedTerms(statistics: extendedStatistics, weighting: terms.weighting,
                                     inverseDocumentFrequencies: terms.inverseDocumentFrequencies + newIDF, documents: nil)
        let vectors = newCounts.map { counts in
            extended.documentVector(counts.map { (term: extendedStatistics.id(of: $0.key)!, count: $0.value) }.sorted { $0.term < $1.term })
        }
        let postings = updatedPostings(liveCount: ids.count, termCount: extendedStatistics.terms.count, baseRows: baseRows,
                                       newRows: newRows, newVectors: vectors)
        let model = semanticModel.map { updatedModel($0, liveCount: ids.count, termCount: extendedStatistics.terms.count,
                                                     baseRows: baseRows, newRows: newRows, newVectors: vectors) }
        let matcher = TextMatcher(analyzer: analyzer, terms: extended, postings: postings, fieldWeights: fieldWeights, documentIDs: ids, semanticModel: model)
        return (matcher, Dictionary(uniqueKeysWithValues: zip(newRows, vectors)))
    }

    /// The `k` documents nearest to each document at `rows` (itself left out), as the build
    /// links text neighbours: by the lexical score of its weighted vector (`vectors`, one per
    /// row), or with `semantic` by the cosine of LSA vectors; searched in parallel.
    func nearestNeighbors(ofRows rows: [Int], vectors: [[(term: Int32, weight: Float)]], k: Int, semantic: Bool,
                          parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        guard !rows.isEmpty else { return [] }
        let hits: [[ScoredIndex]]
        if semantic, let semanticModel, let semanticSimilarity {
            let width = semanticModel.dimensions
            var elements: [Float] = []
            elements.reserveCapacity(rows.count * width)
            for row in rows { elements += semanticModel.documentVectors.elements[row * width..<(row + 1) * width] }
            hits = semanticSimilarity.topK(queries: DenseMatrix(rows: rows.count, columns: width, elements: elements), k: k + 1, parallelism: parallelism)
        } else {
            let queries = SparseMatrix(columns: postings.rows, rows: vectors.map { $0.map { (column: $0.term, value: $0.weight) } })
            hits = similarity.topK(queries: queries, k: k + 1, parallelism: parallelism)
        }
        return zip(rows, hits).map { row, found in Array(found.filter { Int($0.index) != row }.prefix(k)) }
    }

    /// A document's terms with their counts weighted by field, as the build counts them.
    private func weightedCounts(of document: IndexedDocument) -> [String: Float] {
        let weights = fieldWeights.array
        let fields = [analyzer.terms(document.title), document.keywords.flatMap(analyzer.terms), analyzer.terms(document.body)]
        var counts: [String: Float] = [:]
        for (field, terms) in fields.enumerated() {
            for term in terms { counts[term, default: 0] += weights[field] }
        }
        return counts
    }

    /// A document weighted with this matcher's statistics (terms it does not know left out):
    /// for a document of the collection, bit for bit its row of the index.
    func weightedVector(of document: IndexedDocument) -> [(term: Int32, weight: Float)] {
        let statistics = terms.statistics
        return terms.documentVector(weightedCounts(of: document).compactMap { entry in
            statistics.id(of: entry.key).map { (term: $0, count: entry.value) }
        }.sorted { $0.term < $1.term })
    }

    /// The term → documents postings over the live rows: each term's reused entries (renumbered,
    /// still increasing), then the new documents' (whose rows follow every reused row they
    /// come after), merged in row order.
    private func updatedPostings(liveCount: Int, termCount: Int, baseRows: [Int?], newRows: [Int],
                                 newVectors: [[(term: Int32, weight: Float)]]) -> SparseMatrix {
        let base = postings
        var liveRowOfBase = [Int32](repeating: -1, count: base.columns)
        for (row, baseRow) in baseRows.enumerated() { if let baseRow { liveRowOfBase[baseRow] = Int32(row) } }
        var added = [[(row: Int32, weight: Float)]](repeating: [], count: termCount)
        for (index, vector) in newVectors.enumerated() {
            for entry in vector { added[Int(entry.term)].append((Int32(newRows[index]), entry.weight)) }
        }
        var offsets = [Int](repeating: 0, count: termCount + 1)
        var documents: [Int32] = [], values: [Float] = []
        documents.reserveCapacity(base.nonZeroCount)
        values.reserveCapacity(base.nonZeroCount)
        for term in 0..<termCount {
            var pending = added[term][...]
            if term < base.rows {
                for position in base.range(ofRow: term) {
                    let row = liveRowOfBase[Int(base.columnIndices[position])]
                    guard row >= 0 else { continue }
                    while let next = pending.first, next.row < row {
                        documents.append(next.row)
                        values.append(next.weight)
                        pending.removeFirst()
                    }
                    documents.append(row)
                    values.append(base.values[position])
                }
            }
            for entry in pending {
                documents.append(entry.row)
                values.append(entry.weight)
            }
            offsets[term + 1] = documents.count
        }
        return SparseMatrix(rows: termCount, columns: liveCount, rowOffsets: offsets, columnIndices: documents, values: values)
    }

    /// The LSA model over the live rows: the same singular values and term directions (new
    /// terms without one), reused rows' vectors as they are, new documents folded in.
    private func updatedModel(_ model: LatentSemanticModel, liveCount: Int, termCount: Int, baseRows: [Int?], newRows: [Int],
                              newVectors: [[(term: Int32, weight: Float)]]) -> LatentSemanticModel {
        let k = model.dimensions
        var termElements = model.termVectors.elements
        termElements += [Float](repeating: 0, count: (termCount - model.termVectors.rows) * k)
        var documentElements = [Float](repeating: 0, count: liveCount * k)
        let baseElements = model.documentVectors.elements
        for (row, baseRow) in baseRows.enumerated() {
            guard let baseRow else { continue }
            documentElements.replaceSubrange(row * k..<(row + 1) * k, with: baseElements[baseRow * k..<(baseRow + 1) * k])
        }
        for (index, vector) in newVectors.enumerated() {
            let row = newRows[index]
            documentElements.replaceSubrange(row * k..<(row + 1) * k, with: model.foldIn(vector))
        }
        return LatentSemanticModel(singularValues: model.singularValues,
                                   termVectors: DenseMatrix(rows: termCount, columns: k, elements: termElements),
                                   documentVectors: DenseMatrix(rows: liveCount, columns: k, elements: documentElements))
    }
}
