import DuijieVectors

/// A bound on how many documents a term may occur in, as scikit-learn's `min_df`/`max_df`:
/// an absolute count, or a proportion of the documents.
public enum DocumentFrequencyBound: Sendable, Equatable {
    /// At least / at most this many documents.
    case count(Int)
    /// At least / at most this fraction (0–1) of the documents.
    case proportion(Double)

    func documents(outOf total: Int) -> Double {
        switch self {
        case .count(let count): return Double(count)
        case .proportion(let fraction): return fraction * Double(total)
        }
    }
}

/// A document as analyzed text: the terms of each of its fields (title, abstract, keywords …).
public struct AnalyzedDocument: Sendable {
    /// The terms of each field, in the order of the field weights they are counted with.
    public var fields: [[String]]

    /// Creates a document from its fields' terms.
    public init(fields: [[String]]) { self.fields = fields }

    /// A single-field document.
    public init(terms: [String]) { fields = [terms] }
}

/// The vocabulary and weighted term counts of a set of documents.
///
/// `counts` row *d*, column *t* holds Σ over fields of (field weight × occurrences of term *t*
/// in that field of document *d*): with field weights (2, 1) a title word counts twice.
public struct TermCounts: Sendable {
    /// The terms, sorted; a term's position is its id (its column).
    public let terms: [String]
    private let table: TermTable
    /// For each term, the number of documents it occurs in.
    public let documentFrequencies: [Int32]
    /// The documents × terms matrix of weighted counts; `nil` in a vocabulary without them
    /// (`withoutCounts()`: what `WeightedTerms` keeps once it has weighted the counts).
    public let counts: SparseMatrix?

    /// The number of documents.
    public let documentCount: Int

    /// Restores counts saved earlier (a saved index): the sorted vocabulary, the document
    /// frequencies and the count matrix, as `terms`, `documentFrequencies` and `counts` were.
    public init(terms: [String], documentFrequencies: [Int32], counts: SparseMatrix) {
        precondition(terms.count == documentFrequencies.count && counts.columns == terms.count, "vocabulary and counts disagree")
        var table = TermTable(capacity: terms.count)
        for term in terms { _ = table.id(of: term, insert: true) }
        self.table = table
        self.terms = terms
        self.documentFrequencies = documentFrequencies
        self.counts = counts
        documentCount = counts.rows
    }

    private init(terms: [String], table: TermTable, documentFrequencies: [Int32], documentCount: Int) {
        self.terms = terms
        self.table = table
        self.documentFrequencies = documentFrequencies
        self.documentCount = documentCount
        counts = nil
    }

    /// Restores a vocabulary saved without its counts: the sorted terms, their document
    /// frequencies and the number of documents.
    public init(terms: [String], documentFrequencies: [Int32], documentCount: Int) {
        precondition(terms.count == documentFrequencies.count, "vocabulary and frequencies disagree")
        var table = TermTable(capacity: terms.count)
        for term in terms { _ = table.id(of: term, insert: true) }
        self.init(terms: terms, table: table, documentFrequencies: documentFrequencies, documentCount: documentCount)
    }

    /// This vocabulary with `newTerms` appended after its own (ids from `terms.count` on, so
    /// no existing id moves) and their document frequencies, without counts: the vocabulary
    /// of a live index after an update brought terms the collection had not seen. The terms
    /// are then no longer sorted as a whole; a merge sorts them again.
    ///
    /// - Precondition: no new term is already in the vocabulary.
    public func appending(_ newTerms: [String], documentFrequencies newFrequencies: [Int32]) -> TermCounts {
        precondition(newTerms.count == newFrequencies.count, "terms and frequencies disagree")
        var extended = table
        for term in newTerms {
            let before = extended.count
            _ = extended.id(of: term, insert: true)
            precondition(extended.count == before + 1, "a new term is already in the vocabulary")
        }
        return TermCounts(terms: terms + newTerms, table: extended, documentFrequencies: documentFrequencies + newFrequencies, documentCount: documentCount)
    }

    /// The same vocabulary and frequencies without the count matrix (the larger part), for
    /// holders that need only to look terms up.
    public func withoutCounts() -> TermCounts {
        TermCounts(terms: terms, table: table, documentFrequencies: documentFrequencies, documentCount: documentCount)
    }

    /// Counts terms, keeping those whose document frequency lies within the bounds.
    ///
    /// - Parameters:
    ///   - documents: The analyzed documents.
    ///   - fieldWeights: One weight per field; missing weights count as 1.
    ///   - minimumDocumentFrequency: Drop terms in fewer documents (scikit-learn's `min_df`).
    ///   - maximumDocumentFrequency: Drop terms in more documents (scikit-learn's `max_df`).
    ///   - parallelism: Threads for counting.
    /// - Complexity: O(total terms) hashing, plus O(V log V) to sort the vocabulary.
    public init(documents: [AnalyzedDocument], fieldWeights: [Float] = [],
                minimumDocumentFrequency: DocumentFrequencyBound = .count(1),
                maximumDocumentFrequency: DocumentFrequencyBound = .proportion(1),
                parallelism: Parallelism = .automatic) {
        self.init(count: documents.count, document: { documents[$0] }, fieldWeights: fieldWeights,
                  minimumDocumentFrequency: minimumDocumentFrequency, maximumDocumentFrequency: maximumDocumentFrequency,
                  parallelism: parallelism)
    }

    /// Counts terms of documents analyzed on demand, a chunk at a time, so the terms of all
    /// documents are never held at once (the memory of a large corpus's analysis is that of
    /// the chunks in flight). The result equals `init(documents:…)` on the same documents.
    ///
    /// - Parameters:
    ///   - count: The number of documents.
    ///   - document: Analyzes document `index`; called once per document, from any thread.
    public init(count: Int, document: @Sendable (Int) -> AnalyzedDocument, fieldWeights: [Float] = [],
                minimumDocumentFrequency: DocumentFrequencyBound = .count(1),
                maximumDocumentFrequency: DocumentFrequencyBound = .proportion(1),
                parallelism: Parallelism = .automatic) {
        // Pass 1, per chunk of at most 2,048 documents, a group of chunks at a time (in parallel
        // within the group): local ids, local document frequencies, rows with local ids. Each
        // chunk's vocabulary is folded into the merged one, in chunk order, as soon as its group
        // is counted, and its rows renumbered to merged ids, so only one group's vocabularies
        // ever exist (at a million documents all of them together took about 1.4 GB).
        let chunkSize = 2_048
        let chunkRanges = stride(from: 0, to: count, by: chunkSize).map { $0..<min(count, $0 + chunkSize) }
        let groupSize = max(1, parallelism.threads * 4)
        var merged = TermTable(capacity: 1024)
        var mergedFrequency: [Int32] = []
        var chunks: [ChunkCounts] = []
        chunks.reserveCapacity(chunkRanges.count)
        for groupStart in stride(from: 0, to: chunkRanges.count, by: groupSize) {
            let group = chunkRanges[groupStart..<min(chunkRanges.count, groupStart + groupSize)]
            let counted = parallelism.mapChunks(count: group.count, minimumChunk: 1) { batch in
                batch.map { ChunkCounts(documents: group[group.startIndex + $0].map(document)[...], fieldWeights: fieldWeights) }
            }.flatMap { $0 }
            for var chunk in counted {
                chunk.renumber(into: &merged, frequencies: &mergedFrequency)
                chunks.append(chunk)
            }
        }
        let total = count
        let lowest = minimumDocumentFrequency.documents(outOf: total)
        let highest = maximumDocumentFrequency.documents(outOf: total)
        let kept = (0..<merged.count).filter {
            Double(mergedFrequency[$0]) >= lowest && Double(mergedFrequency[$0]) <= highest
        }.sorted { merged.precedes($0, $1) }
        var table = TermTable(capacity: kept.count)
        for id in kept {
            _ = merged.withBytes(of: id) { bytes in table.id(of: bytes, hash: merged.hashes[id], insert: true) }
        }
        self.table = table
        terms = kept.map { merged.term($0) }
        documentFrequencies = kept.map { mergedFrequency[$0] }

        // Pass 2, a group of chunks at a time (in parallel within the group): renumber merged ids
        // to final ones, drop pruned terms, sort each row, append, and free the group's chunks, so
        // the counts exist about once, never twice.
        var finalID = [Int32](repeating: -1, count: merged.count)
        for (final, id) in kept.enumerated() { finalID[id] = Int32(final) }
        let mapping = finalID
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        var columns: [Int32] = []
        var values: [Float] = []
        columns.reserveCapacity(chunks.reduce(0) { $0 + $1.columns.count })
        values.reserveCapacity(columns.capacity)
        for groupStart in stride(from: 0, to: chunks.count, by: groupSize) {
            let group = Array(chunks[groupStart..<min(chunks.count, groupStart + groupSize)])
            let remapped = parallelism.mapChunks(count: group.count, minimumChunk: 1) { range in
                range.map { group[$0].remapped(by: mapping) }
            }.flatMap { $0 }
            for index in groupStart..<groupStart + group.count { chunks[index] = ChunkCounts() }
            for part in remapped {
                for row in 0..<(part.offsets.count - 1) {
                    columns.append(contentsOf: part.columns[part.offsets[row]..<part.offsets[row + 1]])
                    values.append(contentsOf: part.values[part.offsets[row]..<part.offsets[row + 1]])
                    offsets.append(columns.count)
                }
            }
        }
        counts = SparseMatrix(rows: count, columns: kept.count, rowOffsets: offsets, columnIndices: columns, values: values)
        documentCount = count
    }

    /// The id of `term`, or `nil` when it is not in the vocabulary.
    public func id(of term: String) -> Int32? { table.lookup(term) }

    /// The (term id, weighted count) pairs of text outside the collection (a query), over this
    /// vocabulary; unknown terms are dropped. Sorted by term id.
    public func counts(of document: AnalyzedDocument, fieldWeights: [Float] = []) -> [(term: Int32, count: Float)] {
        var accumulated: [Int32: Float] = [:]
        for (field, terms) in document.fields.enumerated() {
            let weight = field < fieldWeights.count ? fieldWeights[field] : 1
            for term in terms {
                if let id = table.lookup(term) { accumulated[id, default: 0] += weight }
            }
        }
        return accumulated.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Counts of one chunk of documents over a vocabulary local to the chunk.
private struct ChunkCounts: Sendable {
    /// An empty chunk (what a chunk becomes once merged).
    init() {}

    var table = TermTable()
    var documentFrequencies: [Int32] = []
    var offsets: [Int] = [0]
    var columns: [Int32] = []
    var values: [Float] = []

    init(documents: ArraySlice<AnalyzedDocument>, fieldWeights: [Float]) {
        var rowCounts: [Float] = []
        var lastSeenRow: [Int32] = []
        var touched: [Int32] = []
        var row: Int32 = 0
        for document in documents {
            touched.removeAll(keepingCapacity: true)
            for (field, fieldTerms) in document.fields.enumerated() {
                let weight = field < fieldWeights.count ? fieldWeights[field] : 1
                for term in fieldTerms {
                    let id = table.id(of: term, insert: true)!
                    if Int(id) == documentFrequencies.count {
                        documentFrequencies.append(0)
                        rowCounts.append(0)
                        lastSeenRow.append(-1)
                    }
                    if lastSeenRow[Int(id)] != row {
                        lastSeenRow[Int(id)] = row
                        documentFrequencies[Int(id)] += 1
                        touched.append(id)
                    }
                    rowCounts[Int(id)] += weight
                }
            }
            for id in touched {
                columns.append(id)
                values.append(rowCounts[Int(id)])
                rowCounts[Int(id)] = 0
            }
            offsets.append(columns.count)
            row += 1
        }
        // Grown by doubling, the arrays hold up to twice their entries; every chunk is kept
        // until the merge, so each is cut to size.
        columns = columns.withUnsafeBufferPointer { Array($0) }
        values = values.withUnsafeBufferPointer { Array($0) }
    }

    /// Renumbers the rows' local ids to ids of `merged` (adding the chunk's new terms to it and
    /// its document frequencies to `frequencies`), then lets the local vocabulary go.
    mutating func renumber(into merged: inout TermTable, frequencies: inout [Int32]) {
        var mapping = [Int32](repeating: 0, count: table.count)
        for localID in 0..<table.count {
            let id = table.withBytes(of: localID) { bytes in merged.id(of: bytes, hash: table.hashes[localID], insert: true)! }
            if Int(id) == frequencies.count { frequencies.append(0) }
            frequencies[Int(id)] += documentFrequencies[localID]
            mapping[localID] = id
        }
        columns.withUnsafeMutableBufferPointer { columns in
            for position in columns.indices { columns[position] = mapping[Int(columns[position])] }
        }
        table = TermTable()
        documentFrequencies = []
    }

    /// The rows with merged ids renumbered by `mapping` (−1: dropped), each sorted by id.
    func remapped(by mapping: [Int32]) -> (offsets: [Int], columns: [Int32], values: [Float]) {
        var newOffsets = [0]
        var newColumns: [Int32] = []
        var newValues: [Float] = []
        newColumns.reserveCapacity(columns.count)
        newValues.reserveCapacity(values.count)
        var rowEntries: [(Int32, Float)] = []
        for row in 0..<(offsets.count - 1) {
            rowEntries.removeAll(keepingCapacity: true)
            for position in offsets[row]..<offsets[row + 1] {
                let id = mapping[Int(columns[position])]
                if id >= 0 { rowEntries.append((id, values[position])) }
            }
            rowEntries.sort { $0.0 < $1.0 }
            for (id, value) in rowEntries {
                newColumns.append(id)
                newValues.append(value)
            }
            newOffsets.append(newColumns.count)
        }
        return (newOffsets, newColumns, newValues)
    }
}
