import DuijieBase
import DuijieCorpus
import DuijieText
import DuijieVectors

/// The broker's recommender: for a demand, an achievement, an expert, an institution, an
/// enterprise or free text, a ranked, filtered and explained shortlist of achievements,
/// experts, institutions, demands or enterprises, fusing text (TF-IDF), semantic (LSA) and graph
/// (personalized PageRank) similarity with region, field, maturity, transfer-mode and budget fit.
///
/// Candidates are the union of the best 100 by text, by LSA and by graph proximity; every
/// candidate's features are computed exactly; filters apply before ranking and the
/// per-institution limit after. Ties go to corpus order.
///
/// The same pipeline ranks plain documents (achievements without metadata) in the `documents`
/// configuration: TF-IDF, BM25, LSA and graph (`RankingConfiguration`).
public final class Recommender: Sendable {
    /// The corpus.
    public let corpus: Corpus
    /// Which features are computed, over how large a pool.
    public let configuration: RankingConfiguration
    /// The achievements' text index (TF-IDF and LSA).
    public let achievements: TextMatcher
    /// The achievements' BM25 index, when the configuration computes BM25 (with its document
    /// vectors when it computes the expanded query, which reads the feedback documents' terms).
    let achievementsBM25: TextMatcher?
    /// The achievements' BM25 index over dictionary words, when the configuration computes the
    /// word feature: the analyzer's options in dictionary mode, with the shipped dictionaries
    /// and stopwords (a user's extra dictionaries shape the main analyzer's terms only).
    let achievementsWords: TextMatcher?
    /// Finds the words a query and a record share, for explanations (without it, explanations
    /// show the scoring terms of two or more characters).
    public let sharedWords: SharedWords?
    let matchers: [RecordKind: TextMatcher]
    /// Writes the text profile of any expert, institution, demand or enterprise on demand.
    let profileSources: ProfileSources
    let graph: CorpusGraph
    /// The corpus graph (for measuring explanations).
    package var corpusGraph: CorpusGraph { graph }
    /// Per record kind, each indexed record's graph node (−1: none), by row of its matcher.
    let graphNodes: [RecordKind: [Int32]]
    /// Each achievement's text neighbours (by row), as the graph links them; `nil` when the
    /// configuration has no graph. A saved index keeps them, so an update can relink.
    let textNeighbors: [[ScoredIndex]]?
    /// The LSA dimensions asked for (each index's rank is this, capped by its size).
    let lsaDimensions: Int

    /// Above this many achievements, text-neighbour edges come from `ClusteredNeighbors` on LSA
    /// vectors instead of the exact lexical all-pairs search.
    public static let exactNeighborLimit = 20_000

    /// Indexes `corpus` for recommendations.
    ///
    /// - Parameters:
    ///   - lsaDimensions: LSA dimensions (capped by the corpus size).
    ///   - configuration: The features to compute (`recommender` by default).
    ///   - sharedWords: For explanations in words (`TextResources.sharedWords(for:)`).
    ///   - progress: Called after each part is built (the achievements' index, each profile
    ///     index, the graph) with a line saying what was built.
    /// - Throws: `DuijieError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int = 64, configuration: RankingConfiguration = .recommender,
                sharedWords: SharedWords? = nil, parallelism: Parallelism = .automatic, progress: ((String) -> Void)? = nil) throws(DuijieError) {
        self.corpus = corpus
        self.configuration = configuration
        self.sharedWords = sharedWords
        self.lsaDimensions = lsaDimensions
        let (achievements, neighbors) = try Self.achievementIndex(of: corpus, analyzer: analyzer, lsaDimensions: lsaDimensions,
                                                                 linksNeighbors: configuration.computes(.graph), parallelism: parallelism)
        self.achievements = achievements
        progress?("achievements indexed: \(achievements.terms.statistics.terms.count) terms")
        if configuration.computes(.bm25) || configuration.computes(.feedback) {
            let bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()), parallelism: parallelism)
            achievementsBM25 = configuration.computes(.feedback) ? bm25 : bm25.retainingPostingsOnly()
        } else {
            achievementsBM25 = nil
        }
        if configuration.computes(.words) {
            var wordOptions = analyzer.options
            wordOptions.mode = .dictionary
            achievementsWords = try TextMatcher(corpus: corpus, analyzer: try TextResources.makeAnalyzer(options: wordOptions),
                                                weighting: .bm25(BM25Options()), parallelism: parallelism).retainingPostingsOnly()
        } else {
            achievementsWords = nil
        }
        var indexes: [RecordKind: TextMatcher] = [.achievement: achievements]
        let sources = ProfileSources(corpus: corpus)
        for kind in Self.profileKinds {
            // Profiles are written as the counting reaches them, never all at once.
            let ids = sources.ids(of: kind)
            indexes[kind] = try TextMatcher(ids: ids, document: { sources.profile(of: kind, at: $0) }, analyzer: analyzer,
                                            semantic: RandomizedSVD.Options(rank: min(lsaDimensions, max(ids.count, 1))),
                                            parallelism: parallelism).retainingPostingsOnly()
            progress?("\(kind.rawValue) profiles indexed: \(indexes[kind]!.terms.statistics.terms.count) terms")
        }
        matchers = indexes
        profileSources = sources
        graph = CorpusGraph(corpus: corpus, textNeighbors: neighbors)
        textNeighbors = neighbors
        progress?("graph built: \(graph.graph.nodeCount) nodes, \(graph.graph.targets.count) edges")
        graphNodes = Self.graphNodes(of: indexes, in: graph)
    }

    /// The achievements' text index, keeping only what ranking needs (the inverted index), and
    /// each achievement's text neighbours (when `linksNeighbors`): exact lexical ones, or, for
    /// large corpora, approximate neighbours of the LSA vectors (`ClusteredNeighbors`), whose
    /// cost grows as n^1.5, not n². The document-major matrix is gone when this returns, before
    /// the next index is built.
    private static func achievementIndex(of corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int, linksNeighbors: Bool,
                                         parallelism: Parallelism) throws(DuijieError) -> (TextMatcher, [[ScoredIndex]]?) {
        let built = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        guard linksNeighbors else { return (built.retainingPostingsOnly(), nil) }
        let neighbors = corpus.achievements.count > exactNeighborLimit
            ? ClusteredNeighbors.neighbors(of: built.semanticModel!.documentVectors, k: 10, parallelism: parallelism)
            : built.nearestNeighbors(k: 10, parallelism: parallelism)
        return (built.retainingPostingsOnly(), neighbors)
    }

    /// Restores a recommender from saved parts (`RecommenderIndex`): the corpus, the text
    /// index of each record kind (achievements and the four profile kinds), the corpus graph
    /// and the achievements' text neighbours it links. A saved index holds the `recommender`
    /// configuration.
    init(corpus: Corpus, matchers: [RecordKind: TextMatcher], graph: CorpusGraph, textNeighbors: [[ScoredIndex]]?,
         lsaDimensions: Int, sharedWords: SharedWords?) {
        precondition(matchers.keys.count == Self.profileKinds.count + 1 && matchers[.achievement] != nil, "one matcher per kind")
        self.corpus = corpus
        configuration = .recommender
        self.sharedWords = sharedWords
        achievements = matchers[.achievement]!
        achievementsBM25 = nil
        achievementsWords = nil
        self.matchers = matchers
        profileSources = ProfileSources(corpus: corpus)
        self.graph = graph
        self.textNeighbors = textNeighbors
        self.lsaDimensions = lsaDimensions
        graphNodes = Self.graphNodes(of: matchers, in: graph)
    }

    /// The kinds indexed by a text profile (`profiles(of:in:)`) rather than their own text.
    static let profileKinds: [RecordKind] = [.expert, .institution, .demand, .enterprise]

    static func graphNodes(of matchers: [RecordKind: TextMatcher], in graph: CorpusGraph) -> [RecordKind: [Int32]] {
        matchers.mapValues { matcher in matcher.documentIDs.map { Int32(graph.node(of: $0) ?? -1) } }
    }

    /// The shortlist for a record of the corpus — a demand, an achievement, an expert, an
    /// institution or an enterprise.
    ///
    /// - Returns: `nil` when there is no such record (or it is a region, field or relation).
    public func recommend(for id: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation]? {
        guard let context = context(for: id) else { return nil }
        return rank(context, target: target, top: top, weights: weights ?? .defaults(for: target), filters: filters)
    }

    /// The shortlist for a demand of the corpus.
    ///
    /// - Returns: `nil` when there is no demand with this id.
    public func recommend(demand id: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation]? {
        guard corpus.demand(id) != nil else { return nil }
        return recommend(for: id, target: target, top: top, weights: weights, filters: filters)
    }


    /// The shortlist for free text (metadata features are neutral; the graph walk starts from
    /// the text's best-matching achievements).
    public func recommend(text: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation] {
        rank(QueryContext(text: text), target: target, top: top, weights: weights ?? .defaults(for: target), filters: filters)
    }
}
