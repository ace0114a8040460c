import DuijieVectors
import Foundation

/// How term counts become weights.
public enum TermWeighting: Sendable, Equatable {
    /// TF-IDF as scikit-learn's `TfidfVectorizer`/`TfidfTransformer` computes it.
    case tfidf(TFIDFOptions)
    /// Okapi BM25 (Robertson & Zaragoza 2009) with Lucene's idf.
    case bm25(BM25Options)

    /// The inverse document frequency of a term found in `documentFrequency` of
    /// `documentCount` documents: scikit-learn's (smooth) idf for TF-IDF, the Lucene/Robertson
    /// idf for BM25.
    public func inverseDocumentFrequency(of documentFrequency: Int, among documentCount: Int) -> Float {
        let n = Double(documentCount), df = Double(documentFrequency)
        switch self {
        case .tfidf(let options): return Float(options.smoothIDF ? log((1 + n) / (1 + df)) + 1 : log(n / df) + 1)
        case .bm25: return Float(log(1 + (n - df + 0.5) / (df + 0.5)))
        }
    }
}

/// The TF-IDF options of scikit-learn's `TfidfTransformer`.
///
/// With n documents and a term in df of them: idf = ln((1 + n) / (1 + df)) + 1 when
/// `smoothIDF`, else ln(n / df) + 1; tf = count, or 1 + ln(count) when `sublinearTF`; the
/// weight is tf × idf, and rows are scaled to unit l2 norm when `normalizes`.
public struct TFIDFOptions: Sendable, Equatable {
    /// Add one to document frequencies, as if one document held every term.
    public var smoothIDF: Bool
    /// Replace a count by 1 + ln(count).
    public var sublinearTF: Bool
    /// Scale each vector to unit Euclidean length (so dot products are cosines).
    public var normalizes: Bool

    /// Creates options; the defaults are scikit-learn's (smooth idf, raw tf, l2 norm).
    public init(smoothIDF: Bool = true, sublinearTF: Bool = false, normalizes: Bool = true) {
        self.smoothIDF = smoothIDF
        self.sublinearTF = sublinearTF
        self.normalizes = normalizes
    }
}

/// The parameters of Okapi BM25.
///
/// A document's weight for a term is idf × tf (k1 + 1) / (tf + k1 (1 − b + b · dl / avgdl)),
/// with idf = ln(1 + (n − df + 0.5) / (df + 0.5)) (Lucene's form, never negative) and dl the
/// document's weighted term count; a query's weight is its term count, so the dot product is
/// the BM25 score.
public struct BM25Options: Sendable, Equatable {
    /// Term-frequency saturation.
    public var k1: Float
    /// Length normalization, 0 (none) to 1 (full).
    public var b: Float

    /// Creates options; the defaults are k1 = 1.2, b = 0.75.
    public init(k1: Float = 1.2, b: Float = 0.75) {
        self.k1 = k1
        self.b = b
    }
}

/// Term statistics of a collection and the weighting applied to them: turns the collection's
/// counts into a weighted document matrix, and any new text into a query vector over the
/// same vocabulary.
public struct WeightedTerms: Sendable {
    /// The vocabulary and document frequencies (the raw counts are let go once weighted).
    public let statistics: TermCounts
    /// The weighting.
    public let weighting: TermWeighting
    /// Per term: the idf.
    public let inverseDocumentFrequencies: [Float]
    /// The weighted documents × terms matrix; `nil` when restored for weighting queries only
    /// (a saved index keeps the documents as an inverted index instead).
    public let documents: SparseMatrix?
    private let averageDocumentLength: Float

    /// Restores weighted terms saved earlier: the statistics, the weighting, the idf per term and
    /// the weighted document matrix (or `nil`, to weight queries only), as they were.
    public init(statistics: TermCounts, weighting: TermWeighting, inverseDocumentFrequencies: [Float], documents: SparseMatrix?) {
        precondition(inverseDocumentFrequencies.count == statistics.terms.count && (documents?.columns ?? statistics.terms.count) == statistics.terms.count,
                     "saved parts disagree")
        self.statistics = statistics
        self.weighting = weighting
        self.inverseDocumentFrequencies = inverseDocumentFrequencies
        self.documents = documents
        averageDocumentLength = 0  // used only while weighting documents, which restored terms are
    }

    /// Weights the counts of a collection.
    ///
    /// - Complexity: O(nnz + V).
    public init(statistics: TermCounts, weighting: TermWeighting) {
        guard let counts = statistics.counts else { preconditionFailure("weighting needs the counts") }
        self.statistics = statistics.withoutCounts()
        self.weighting = weighting
        let n = Double(statistics.documentCount)
        var matrix = counts
        switch weighting {
        case .tfidf(let options):
            inverseDocumentFrequencies = statistics.documentFrequencies.map { weighting.inverseDocumentFrequency(of: Int($0), among: Int(n)) }
            averageDocumentLength = 0
            Self.applyTFIDF(&matrix, idf: inverseDocumentFrequencies, options: options)
        case .bm25(let options):
            inverseDocumentFrequencies = statistics.documentFrequencies.map { weighting.inverseDocumentFrequency(of: Int($0), among: Int(n)) }
            let total = matrix.values.reduce(0.0) { $0 + Double($1) }
            averageDocumentLength = n > 0 ? Float(total / n) : 0
            for row in 0..<matrix.rows {
                let span = matrix.range(ofRow: row)
                var length: Float = 0
                for position in span { length += matrix.values[position] }
                for position in span {
                    let tf = matrix.values[position]
                    let idf = inverseDocumentFrequencies[Int(matrix.columnIndices[position])]
                    matrix.values[position] = Self.bm25Weight(tf: tf, idf: idf, length: length, average: averageDocumentLength, options: options)
                }
            }
        }
        documents = matrix
    }

    static func bm25Weight(tf: Float, idf: Float, length: Float, average: Float, options: BM25Options) -> Float {
        let norm = average > 0 ? 1 - options.b + options.b * length / average : 1
        return idf * tf * (options.k1 + 1) / (tf + options.k1 * norm)
    }

    private static func applyTFIDF(_ matrix: inout SparseMatrix, idf: [Float], options: TFIDFOptions) {
        for row in 0..<matrix.rows {
            for position in matrix.range(ofRow: row) {
                let count = Double(matrix.values[position])
                let tf = options.sublinearTF ? 1 + log(count) : count
                matrix.values[position] = Float(tf * Double(idf[Int(matrix.columnIndices[position])]))
            }
        }
        if options.normalizes { matrix.normalizeRows() }
    }

    /// One document of the collection weighted with these statistics, from its (term id,
    /// weighted count) pairs sorted by term: for TF-IDF exactly as the build weights a row
    /// (the same rounding, so a document weighted again gets the same bits); for BM25 with
    /// the collection's average length (1 for restored terms, which do not keep it). What a
    /// live index uses to add a document without weighting the collection again.
    public func documentVector(_ counts: [(term: Int32, count: Float)]) -> [(term: Int32, weight: Float)] {
        switch weighting {
        case .tfidf(let options):
            var weights = counts.map { entry -> (term: Int32, weight: Float) in
                let count = Double(entry.count)
                let tf = options.sublinearTF ? 1 + log(count) : count
                return (entry.term, Float(tf * Double(inverseDocumentFrequencies[Int(entry.term)])))
            }
            guard options.normalizes else { return weights }
            var sum: Double = 0
            for entry in weights { sum += Double(entry.weight) * Double(entry.weight) }
            guard sum > 0 else { return weights }
            let scale = Float(1 / sum.squareRoot())
            for index in weights.indices { weights[index].weight *= scale }
            return weights
        case .bm25(let options):
            let length = counts.reduce(Float(0)) { $0 + $1.count }
            return counts.map { entry in
                (entry.term, Self.bm25Weight(tf: entry.count, idf: inverseDocumentFrequencies[Int(entry.term)], length: length,
                                             average: averageDocumentLength, options: options))
            }
        }
    }

    /// The query vector of new text over this vocabulary: TF-IDF weighted and normalized like
    /// the documents, or raw counts for BM25. Unknown terms are dropped; an empty vector means
    /// the text shares no term with the collection.
    public func queryVector(_ document: AnalyzedDocument, fieldWeights: [Float] = []) -> [(term: Int32, weight: Float)] {
        let counts = statistics.counts(of: document, fieldWeights: fieldWeights)
        switch weighting {
        case .bm25:
            return counts.map { ($0.term, $0.count) }
        case .tfidf(let options):
            var weights = counts.map { entry -> (term: Int32, weight: Float) in
                let count = Double(entry.count)
                let tf = options.sublinearTF ? 1 + log(count) : count
                return (entry.term, Float(tf * Double(inverseDocumentFrequencies[Int(entry.term)])))
            }
            if options.normalizes {
                let norm = weights.reduce(0.0) { $0 + Double($1.weight) * Double($1.weight) }.squareRoot()
                if norm > 0 { weights = weights.map { ($0.term, Float(Double($0.weight) / norm)) } }
            }
            return weights
        }
    }
}
