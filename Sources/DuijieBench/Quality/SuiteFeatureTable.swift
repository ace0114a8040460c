import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieText
import DuijieVectors

/// Every candidate of a suite's judged queries with its ranking signals, computed once, so that
/// combinations of signals can be fitted and measured by the thousand.
///
/// The candidates of a query are the pool the ranking pipeline scores in its `expandedDocuments`
/// configuration (the best 200 of TF-IDF, BM25, LSA and graph proximity), with that
/// configuration's six features; the expanded query and word BM25 re-order that pool.
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

        /// The pipeline's feature this signal is.
        var feature: RankingFeatures.Name {
            switch self {
            case .tfidf: return .text
            case .bm25: return .bm25
            case .lsa: return .semantic
            case .graph: return .graph
            case .feedback: return .feedback
            case .words: return .words
            }
        }

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

    /// Builds the table of a suite: the pipeline's candidates in the `expandedDocuments`
    /// configuration with their six features.
    static func build(_ suite: QualitySuite, analyzer: Analyzer, lsaDimensions: Int,
                      parallelism: Parallelism = .automatic) throws(DuijieError) -> SuiteFeatureTable {
        let pipeline = try Recommender(corpus: suite.corpus, analyzer: analyzer, lsaDimensions: lsaDimensions, configuration: .expandedDocuments,
                                       parallelism: parallelism)
        // The judged queries and their candidates exactly as weight fitting sees them.
        func part(_ which: QualitySuite.Part) -> [Query] {
            DocumentTuning.judged(suite.tuningQueries(which), recommender: pipeline, qrels: suite.qrels, parallelism: parallelism).queries.map { query in
                Query(id: query.id, candidates: query.candidates.map(\.id),
                      values: query.candidates.map { candidate in Signal.allCases.map { candidate.features[$0.feature] } })
            }
        }
        return SuiteFeatureTable(suite: suite.name, tuning: part(.tune), test: part(.test), qrels: suite.qrels)
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
