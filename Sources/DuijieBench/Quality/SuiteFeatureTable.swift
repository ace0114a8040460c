import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieText
import DuijieVectors

/// Every candidate of a suite's judged queries with its ranking signals, computed once, so that
/// combinations of signals can be fitted and measured by the thousand.
///
/// The candidates of a query are the pool the ranking pipeline scores in its plain-document
/// configuration (the best 200 of TF-IDF, BM25, LSA and graph proximity); the signals added
/// here re-order that pool.
struct SuiteFeatureTable: Sendable {
    /// A ranking signal of the table, by column.
    enum Signal: String, CaseIterable, Sendable {
        /// TF-IDF cosine (character bigrams and single characters).
        case tfidf
        /// BM25 divided by the query's best BM25 score.
        case bm25
        /// LSA cosine (negative values as 0).
        case lsa
        /// Graph proximity divided by its best.
        case graph
        /// BM25 of the query expanded by pseudo-relevance feedback (RM3), divided by its best.
        case feedback
        /// BM25 over dictionary words (jieba dictionary and the domain lexicon) instead of
        /// bigrams, divided by its best: the word field of a word + bigram index.
        case words

        /// The name printed in tables.
        var label: String {
            switch self {
            case .tfidf: return "TF-IDF"
            case .bm25: return "BM25"
            case .lsa: return "LSA"
            case .graph: return "graph"
            case .feedback: return "BM25+RM3"
            case .words: return "BM25 words"
            }
        }
    }

    /// One judged query: its id and its candidates' signals (one row per candidate, one value per
    /// signal in `Signal.allCases` order).
    struct Query: Sendable {
        let id: String
        let candidates: [String]
        let values: [[Float]]
    }

    /// The suite's name.
    let suite: String
    /// The judged queries of the tuning half.
    let tuning: [Query]
    /// The judged queries of the test half.
    let test: [Query]
    /// The suite's judgments.
    let qrels: Qrels

    /// Builds the table of a suite: the pipeline's candidates with its four features, and the
    /// feedback and word signals of each candidate.
    static func build(_ suite: QualitySuite, analyzer: Analyzer, wordAnalyzer: Analyzer, lsaDimensions: Int,
                      feedback: FeedbackOptions, parallelism: Parallelism = .automatic) throws(DuijieError) -> SuiteFeatureTable {
        let corpus = suite.corpus
        let pipeline = try Recommender(corpus: corpus, analyzer: analyzer, lsaDimensions: lsaDimensions, configuration: .documents,
                                       parallelism: parallelism)
        let bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()), parallelism: parallelism)
        let words = try TextMatcher(corpus: corpus, analyzer: wordAnalyzer, weighting: .bm25(BM25Options()), parallelism: parallelism)
        let rowByID = Dictionary(bm25.documentIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func part(_ which: QualitySuite.Part) -> [Query] {
            let queries = suite.queries(which).filter { suite.qrels.judgments[$0.id]?.values.contains(where: { $0 > 0 }) ?? false }
            return parallelism.mapChunks(count: queries.count, minimumChunk: 4) { range in
                range.map { index -> Query in
                    let query = queries[index]
                    let text = query.text(in: corpus)
                    let candidates = pipeline.candidates(QueryContext(text: text, fields: query.fields), target: .achievement, filters: .init())
                        .filter { $0.id != query.excludedDocument }
                    let expanded = normalizedByBest(bm25.feedbackScores(text: text, options: feedback))
                    let wordScores = normalizedByBest(words.scores(text: text, semantic: false))
                    let values = candidates.map { candidate -> [Float] in
                        let row = rowByID[candidate.id]!
                        let features = candidate.features
                        return [features.text, features.bm25, features.semantic, features.graph, expanded[row], wordScores[row]]
                    }
                    return Query(id: query.id, candidates: candidates.map(\.id), values: values)
                }
            }.flatMap { $0 }
        }
        return SuiteFeatureTable(suite: suite.name, tuning: part(.tune), test: part(.test), qrels: suite.qrels)
    }

    /// Scores divided by their largest (all 0 when none is positive).
    private static func normalizedByBest(_ scores: [Float]) -> [Float] {
        let best = scores.max() ?? 0
        return best > 0 ? scores.map { max(0, $0) / best } : scores.map { _ in 0 }
    }

    /// Each query's nDCG@10 when its candidates are ranked by Σ weight × signal (weights in
    /// `Signal.allCases` order; ties by pool order, as the pipeline breaks them).
    func ndcgs(_ queries: [Query], weights: [Float]) -> [Double] {
        queries.map { query in
            let fused = query.values.map { row in
                var sum: Float = 0
                for (value, weight) in zip(row, weights) { sum += value * weight }
                return sum
            }
            let ranking = TopKSelector.best(10, of: fused).map { query.candidates[Int($0.index)] }
            return RankingMetrics.ndcg(ranking, qrels.judgments[query.id] ?? [:], k: 10)
        }
    }

    /// The mean nDCG@10 of `weights` over `queries` (0 for none).
    func meanNDCG(_ queries: [Query], weights: [Float]) -> Double {
        let values = ndcgs(queries, weights: weights)
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}

extension SuiteFeatureTable {
    /// The same table with every signal replaced by its reciprocal rank within the query's pool,
    /// scaled so the best candidate has 1: k / (k + rank), rank 1 for the best (reciprocal rank
    /// fusion, Cormack, Clarke & Büttcher, SIGIR 2009, with their k = 60). A candidate a signal
    /// scores 0 gets 0 from it. Ties take the better rank in pool order.
    func reciprocalRanks(k: Float = 60) -> SuiteFeatureTable {
        func transform(_ queries: [Query]) -> [Query] {
            queries.map { query in
                var values = query.values
                for column in SuiteFeatureTable.Signal.allCases.indices {
                    let order = query.values.indices.sorted { (query.values[$0][column], $1) > (query.values[$1][column], $0) }
                    for (rank, row) in order.enumerated() {
                        values[row][column] = query.values[row][column] > 0 ? k / (k + Float(rank + 1)) : 0
                    }
                }
                return Query(id: query.id, candidates: query.candidates, values: values)
            }
        }
        return SuiteFeatureTable(suite: suite, tuning: transform(tuning), test: transform(test), qrels: qrels)
    }
}
