import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieVectors

/// Fits the weights of plain-document ranking on judged queries: k-fold cross-validation over a
/// tuning half (coordinate ascent on nDCG@10, weights rounded to 0.05), then one measurement on
/// the test half beside each feature alone. What `DuijieBench tune` does on a quality suite and
/// `duijie tune` on a user's own documents, queries and judgments.
package enum DocumentTuning {
    /// One judged query.
    package struct Query: Sendable {
        /// Its id in the judgments.
        package let id: String
        /// The text to rank for.
        package let text: String
        /// Its fields (field ids of the corpus), when known.
        package let fields: [String]
        /// A document to leave out of its ranking (its own, in some suites).
        package let excludedDocument: String?

        /// Creates a query.
        package init(id: String, text: String, fields: [String] = [], excludedDocument: String? = nil) {
            self.id = id
            self.text = text
            self.fields = fields
            self.excludedDocument = excludedDocument
        }
    }

    /// The fitted weights and what they score.
    package struct Result: Sendable {
        /// The weights and what cross-validation on the tuning half reached.
        package let crossValidation: RecommenderTuning.CrossValidation
        /// Mean nDCG@10 of the weights on the test queries.
        package let testNDCG: Double
        /// Mean nDCG@10 on the test queries of each computed feature alone.
        package let testNDCGByFeature: [(feature: RankingFeatures.Name, ndcg: Double)]
        /// The judged test queries measured.
        package let testQueries: Int
    }

    /// The folds of the cross-validation.
    package static let folds = 5
    /// The seed that deals the tuning queries into folds.
    package static let foldSeed: UInt64 = 7

    /// Fits weights for `recommender`'s features on `tuning` and measures `test`. Queries
    /// without a relevant document in `qrels` are left out of both.
    package static func tune(recommender: Recommender, tuning: [Query], test: [Query], qrels: Qrels,
                             parallelism: Parallelism = .automatic) -> Result {
        var tuningQueries = judged(tuning, recommender: recommender, qrels: qrels, parallelism: parallelism).queries
        var generator = SplitMix64(seed: foldSeed)
        tuningQueries.seededShuffle(using: &generator)
        let features = recommender.configuration.features
        let crossValidation = RecommenderTuning.crossValidate(JudgedQueries(queries: tuningQueries, qrels: qrels), features: features, folds: folds)
        let measured = judged(test, recommender: recommender, qrels: qrels, parallelism: parallelism)
        let alone = features.map { feature in
            var weights = RankingFeatures()
            weights[feature] = 1
            return (feature, measured.meanNDCG(weights))
        }
        return Result(crossValidation: crossValidation, testNDCG: measured.meanNDCG(crossValidation.weights.features),
                      testNDCGByFeature: alone, testQueries: measured.count)
    }

    /// The queries with a relevant document, each with its candidates (its excluded document
    /// left out).
    package static func judged(_ queries: [Query], recommender: Recommender, qrels: Qrels, parallelism: Parallelism) -> JudgedQueries {
        let answerable = queries.filter { qrels.judgments[$0.id]?.values.contains(where: { $0 > 0 }) ?? false }
        let found = parallelism.mapChunks(count: answerable.count, minimumChunk: 4) { range in
            range.map { index -> (id: String, candidates: [Candidate]) in
                let query = answerable[index]
                let candidates = recommender.candidates(QueryContext(text: query.text, fields: query.fields), target: .achievement, filters: .init())
                return (query.id, candidates.filter { $0.id != query.excludedDocument })
            }
        }.flatMap { $0 }
        return JudgedQueries(queries: found, qrels: qrels)
    }
}
