import DuijieBase
import DuijieCorpus
import DuijieText
import DuijieVectors

/// How much each field of a document counts when it is indexed: a word in the title says more
/// about what a document is than a word in its body.
public struct FieldWeights: Sendable, Equatable {
    /// The weight of title terms.
    public var title: Float
    /// The weight of keyword terms.
    public var keywords: Float
    /// The weight of abstract terms.
    public var abstract: Float

    /// Creates weights; the defaults count title and keywords twice, the abstract once.
    public init(title: Float = 2, keywords: Float = 2, abstract: Float = 1) {
        self.title = title
        self.keywords = keywords
        self.abstract = abstract
    }

    var array: [Float] { [title, keywords, abstract] }
}

/// How a `TextMatcher` scores documents.
public enum TextRanking: Sendable, Equatable {
    /// The TF-IDF (or BM25) score alone.
    case lexical
    /// The LSA cosine alone (needs a semantic model).
    case semantic
    /// `lexicalWeight` × the lexical score + (1 − `lexicalWeight`) × the LSA cosine.
    case fused(lexicalWeight: Float)
}

/// One document matched to a text, with the terms that produced its score.
public struct TextMatch: Sendable, Equatable {
    /// A term shared by the query and the document, with its share of the score.
    public struct MatchedTerm: Sendable, Equatable {
        /// The term.
        public let term: String
        /// Query weight × document weight: the term's contribution to the score.
        public let contribution: Float
    }

    /// Creates a match.
    public init(documentID: String, score: Float, matchedTerms: [MatchedTerm]) {
        self.documentID = documentID
        self.score = score
        self.matchedTerms = matchedTerms
    }

    /// The document's id (an achievement's, or a profiled record's).
    public let documentID: String
    /// The score: the cosine for TF-IDF, the BM25 score for BM25.
    public let score: Float
    /// The shared terms, largest contribution first.
    public let matchedTerms: [MatchedTerm]
}

/// Exact lexical matching of text against indexed documents (a corpus's achievements, or the
/// profiles of its experts, institutions, demands or enterprises): TF-IDF (or BM25) vectors
/// over the analyzer's terms, retrieved through an inverted index.
///
/// Build once per corpus and analyzer; matching is then a sparse dot product over the query's
/// postings.
public struct TextMatcher: Sendable {
    /// The analyzer that makes terms of documents and queries.
    public let analyzer: Analyzer
    /// The weighted vocabulary and document vectors (without the documents after
    /// `retainingPostingsOnly()` or when restored from a saved index).
    public private(set) var terms: WeightedTerms
    /// The field weights used for documents.
    public let fieldWeights: FieldWeights
    /// The indexed documents' ids (achievements, or the records a profile index holds), by row.
    public let documentIDs: [String]
    /// The LSA model of the weighted documents, when one was built.
    public let semanticModel: LatentSemanticModel?
    let similarity: SparseSimilarity
    /// Each id's row (the first, should an id repeat).
    let rowByID: [String: Int]

    static func rows(of ids: [String]) -> [String: Int] {
        Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
    let semanticSimilarity: DenseSimilarity?

    /// Indexes the achievements of `corpus`.
    ///
    /// - Parameters:
    ///   - corpus: The corpus.
    ///   - analyzer: The analyzer for documents and queries.
    ///   - weighting: TF-IDF (default: smooth idf, sublinear tf, l2) or BM25.
    ///   - fieldWeights: How much title, keywords and abstract count.
    ///   - semantic: The randomized SVD options of an LSA model over the weighted documents;
    ///     `nil` builds none (lexical matching only).
    ///   - semanticStorage: How LSA document vectors are stored for search (Float16 halves memory).
    ///   - parallelism: Threads for analysis, counting and the SVD's sparse products.
    /// - Throws: `DuijieError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, weighting: TermWeighting = .tfidf(TFIDFOptions(sublinearTF: true)),
                fieldWeights: FieldWeights = FieldWeights(), semantic: RandomizedSVD.Options? = nil,
                semanticStorage: DenseSimilarity.Storage = .float32,
                parallelism: Parallelism = .automatic) throws(DuijieError) {
        let achievements = corpus.achievements
        try self.init(ids: achievements.map(\.id), document: { IndexedDocument(achievements[$0]) }, analyzer: analyzer, weighting: weighting,
                      fieldWeights: fieldWeights, semantic: semantic, semanticStorage: semanticStorage, parallelism: parallelism)
    }

    /// Indexes documents made on demand (`document(row)`, from any thread, once per row), so
    /// that documents derived from a corpus (profiles) never all exist at once.
    init(ids: [String], document: @Sendable (Int) -> IndexedDocument, analyzer: Analyzer, weighting: TermWeighting = .tfidf(TFIDFOptions(sublinearTF: true)),
         fieldWeights: FieldWeights = FieldWeights(), semantic: RandomizedSVD.Options? = nil,
         semanticStorage: DenseSimilarity.Storage = .float32,
         parallelism: Parallelism = .automatic) throws(DuijieError) {
        // Analyzed a chunk at a time inside the counting, so all documents' terms never coexist.
        let statistics = TermCounts(count: ids.count, document: { index in
            let indexed = document(index)
            return AnalyzedDocument(fields: [
                analyzer.terms(indexed.title),
                indexed.keywords.flatMap(analyzer.terms),
                analyzer.terms(indexed.body),
            ])
        }, fieldWeights: fieldWeights.array, parallelism: parallelism)
        self.analyzer = analyzer
        self.terms = WeightedTerms(statistics: statistics, weighting: weighting)
        self.fieldWeights = fieldWeights
        self.documentIDs = ids
        rowByID = Self.rows(of: documentIDs)
        let documents = terms.documents!  // just weighted
        self.similarity = SparseSimilarity(documents: documents)
        if let semantic {
            let model = try LatentSemanticModel(documents: documents, postings: similarity.postings, options: semantic, parallelism: parallelism)
            semanticModel = model
            semanticSimilarity = DenseSimilarity(vectors: model.documentVectors, storage: semanticStorage)
        } else {
            semanticModel = nil
            semanticSimilarity = nil
        }
    }

    /// Restores a matcher from saved parts: the analyzer must be made with the options the parts
    /// were built with, and `terms` must hold the weighted documents.
    public init(analyzer: Analyzer, terms: WeightedTerms, fieldWeights: FieldWeights, documentIDs: [String],
                semanticModel: LatentSemanticModel?) {
        guard let documents = terms.documents else { preconditionFailure("restoring from terms needs their documents") }
        self.init(analyzer: analyzer, terms: terms, postings: documents.transposed, fieldWeights: fieldWeights,
                  documentIDs: documentIDs, semanticModel: semanticModel)
    }

    /// Restores a matcher from a saved inverted index (a saved index): `postings` is the term →
    /// documents matrix of weights; `terms` need not hold the documents (it weights queries).
    public init(analyzer: Analyzer, terms: WeightedTerms, postings: SparseMatrix, fieldWeights: FieldWeights, documentIDs: [String],
                semanticModel: LatentSemanticModel?) {
        precondition(postings.columns == documentIDs.count && postings.rows == terms.statistics.terms.count, "postings and ids disagree")
        self.analyzer = analyzer
        self.terms = terms
        self.fieldWeights = fieldWeights
        self.documentIDs = documentIDs
        rowByID = Self.rows(of: documentIDs)
        self.similarity = SparseSimilarity(postings: postings)
        self.semanticModel = semanticModel
        self.semanticSimilarity = semanticModel.map { DenseSimilarity(vectors: $0.documentVectors) }
    }

    /// The same matcher without the document-major matrix (`terms.documents`): it ranks and
    /// explains alike from the inverted index, in about half the memory of the weights.
    public func retainingPostingsOnly() -> TextMatcher {
        var lighter = self
        lighter.terms = WeightedTerms(statistics: terms.statistics, weighting: terms.weighting,
                                      inverseDocumentFrequencies: terms.inverseDocumentFrequencies, documents: nil)
        return lighter
    }

    /// The term → documents inverted index of weights (the transpose of the weighted
    /// document matrix).
    public var postings: SparseMatrix { similarity.postings }

    /// The `top` documents best matching `text`.
    ///
    /// - Parameters:
    ///   - text: Free text: a demand, a problem description, keywords.
    ///   - top: How many results.
    ///   - explainedTerms: How many matched terms to report per result.
    ///   - admits: When given, only the documents whose rows it accepts are ranked (the same
    ///     scores; a document left out is never counted).
    ///   - limit: When given, at most `limit.perGroup` documents of one group are kept, walking
    ///     the ranking best first, as the recommender's per-institution limit does.
    /// - Returns: Results best first (ties by corpus order); empty when the text shares no
    ///   term with the corpus.
    public func match(text: String, top: Int, ranking: TextRanking = .lexical, explainedTerms: Int = 5,
                      admitting admits: ((Int) -> Bool)? = nil, limit: GroupLimit? = nil) -> [TextMatch] {
        match(query: AnalyzedDocument(terms: analyzer.terms(text)), top: top, ranking: ranking, explainedTerms: explainedTerms,
              admits: admits, limit: limit)
    }

    /// The `top` achievements best matching a demand: its title counts like an achievement's
    /// title, its keywords like keywords, its description like an abstract.
    public func match(demand: Demand, top: Int, ranking: TextRanking = .lexical, explainedTerms: Int = 5) -> [TextMatch] {
        match(title: demand.title, keywords: demand.keywords, description: demand.description ?? "", top: top, ranking: ranking,
              explainedTerms: explainedTerms)
    }

    /// The `top` achievements best matching a demand given by its parts (a demand that is not in
    /// the corpus, as a shard server receives it), ranked as `match(demand:)` ranks a record;
    /// `admits` and `limit` restrict it as in `match(text:)`.
    public func match(title: String, keywords: [String], description: String, top: Int, ranking: TextRanking = .lexical,
                      explainedTerms: Int = 5, admitting admits: ((Int) -> Bool)? = nil, limit: GroupLimit? = nil) -> [TextMatch] {
        match(query: analyzed(title: title, keywords: keywords, description: description), top: top, ranking: ranking,
              explainedTerms: explainedTerms, queryFieldWeights: fieldWeights.array, admits: admits, limit: limit)
    }

    /// The row of the document `id` (nil when the index does not hold it).
    public func row(of id: String) -> Int? { rowByID[id] }

    /// A demand's terms by field: its title counts like an achievement's title, its keywords
    /// like keywords, its description like an abstract.
    func analyzed(_ demand: Demand) -> AnalyzedDocument {
        analyzed(title: demand.title, keywords: demand.keywords, description: demand.description ?? "")
    }

    /// A demand's terms by field, from its parts.
    func analyzed(title: String, keywords: [String], description: String) -> AnalyzedDocument {
        AnalyzedDocument(fields: [analyzer.terms(title), keywords.flatMap(analyzer.terms), analyzer.terms(description)])
    }

    /// The score of every document (in index order) for free text: the lexical score, or
    /// the LSA cosine with `semantic` (which needs a semantic model).
    public func scores(text: String, semantic: Bool) -> [Float] {
        let vector = terms.queryVector(AnalyzedDocument(terms: analyzer.terms(text)))
        guard semantic else { return similarity.scores(query: vector) }
        guard let semanticModel, let semanticSimilarity else {
            preconditionFailure("semantic scores need a TextMatcher built with a semantic model")
        }
        return semanticSimilarity.scores(query: semanticModel.foldIn(vector))
    }

    /// The cosine of two texts' weighted term vectors (0 when either has no known term).
    public func textSimilarity(_ first: String, _ second: String) -> Float {
        let a = terms.queryVector(AnalyzedDocument(terms: analyzer.terms(first)))
        let b = Dictionary(terms.queryVector(AnalyzedDocument(terms: analyzer.terms(second))).map { ($0.term, $0.weight) }, uniquingKeysWith: +)
        let dot = a.reduce(Float(0)) { $0 + $1.weight * (b[$1.term] ?? 0) }
        let norms = (a.reduce(Float(0)) { $0 + $1.weight * $1.weight } * b.values.reduce(Float(0)) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 0
    }

    private func match(query: AnalyzedDocument, top: Int, ranking: TextRanking, explainedTerms: Int, queryFieldWeights: [Float] = [],
                       admits: ((Int) -> Bool)? = nil, limit: GroupLimit? = nil) -> [TextMatch] {
        let vector = terms.queryVector(query, fieldWeights: queryFieldWeights)
        if admits != nil || limit != nil {
            return restrictedMatch(vector, top: top, ranking: ranking, explainedTerms: explainedTerms, admits: admits ?? { _ in true }, limit: limit)
        }
        let hits: [ScoredIndex]
        switch ranking {
        case .lexical:
            hits = similarity.topK(query: vector, k: top)
        case .semantic, .fused:
            guard let scores = scores(of: vector, ranking: ranking) else { return [] }
            hits = TopKSelector.best(top, of: scores).filter { $0.score > 0 }
        }
        return hits.map { hit in
            TextMatch(documentID: documentIDs[Int(hit.index)], score: hit.score,
                      matchedTerms: explain(vector, document: Int(hit.index), limit: explainedTerms))
        }
    }

    /// Every document's score for a weighted query under `ranking`; nil for semantic or fused
    /// ranking when the query has no LSA component (no term the model knows).
    func scores(of vector: [(term: Int32, weight: Float)], ranking: TextRanking) -> [Float]? {
        guard ranking != .lexical else { return similarity.scores(query: vector) }
        guard let semanticModel, let semanticSimilarity else {
            preconditionFailure("semantic ranking needs a TextMatcher built with a semantic model")
        }
        let concept = semanticModel.foldIn(vector)
        guard concept.contains(where: { $0 != 0 }) else { return nil }
        var scores = semanticSimilarity.scores(query: concept)
        if case .fused(let weight) = ranking {
            let lexical = similarity.scores(query: vector)
            for index in scores.indices { scores[index] = weight * lexical[index] + (1 - weight) * scores[index] }
        }
        return scores
    }

    /// Each document's `k` most similar other documents by the lexical score (for achievements:
    /// the text neighbours that link them in the corpus graph), computed in parallel.
    public func nearestNeighbors(k: Int, parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        similarity.topK(queries: terms.documents ?? similarity.postings.transposed, k: k + 1, parallelism: parallelism).enumerated().map { row, hits in
            Array(hits.filter { Int($0.index) != row }.prefix(k))
        }
    }

    /// The terms `text` shares with the document `documentID`, largest contribution first.
    public func explain(text: String, documentID: String, limit: Int = 5) -> [TextMatch.MatchedTerm] {
        guard let row = rowByID[documentID] else { return [] }
        return explain(terms.queryVector(AnalyzedDocument(terms: analyzer.terms(text))), document: row, limit: limit)
    }

    /// The shared terms of a query and a document, by contribution.
    func explain(_ query: [(term: Int32, weight: Float)], document: Int, limit: Int) -> [TextMatch.MatchedTerm] {
        // The document's weight of each query term, from the term's postings (documents increase
        // along them), so a restored matcher needs no document-major copy.
        let postings = similarity.postings
        var shared: [TextMatch.MatchedTerm] = []
        for (term, weight) in query {
            let value = postings[Int(term), document]
            if value > 0 {
                shared.append(TextMatch.MatchedTerm(term: terms.statistics.terms[Int(term)], contribution: weight * value))
            }
        }
        shared.sort { ($0.contribution, $1.term) > ($1.contribution, $0.term) }
        return Array(shared.prefix(limit))
    }
}
