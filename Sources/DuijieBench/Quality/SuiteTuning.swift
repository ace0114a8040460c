import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieVectors

/// Fits the weights of the `documents` configuration on a suite: 5-fold cross-validation over
/// the tuning half (coordinate ascent on nDCG@10, weights rounded to 0.05), then one measurement
/// on the test half.
public enum SuiteTuning {
    /// The fitted weights and what they score.
    public struct Result: Sendable {
        /// The weights and what cross-validation on the tuning half reached.
        public let crossValidation: RecommenderTuning.CrossValidation
        /// Mean nDCG@10 of the weights on the test queries.
        public let testNDCG: Double
        /// Mean nDCG@10 on the test queries of each computed feature alone.
        public let testNDCGByFeature: [(feature: RankingFeatures.Name, ndcg: Double)]
    }

    /// The folds of the cross-validation.
    public static let folds = 5
    /// The seed that deals the tuning queries into folds.
    public static let foldSeed: UInt64 = 7

    /// Fits weights for `recommender`'s features on `suite`'s tuning half and measures the test half.
    public static func tune(_ suite: QualitySuite, recommender: Recommender, parallelism: Parallelism = .automatic) -> Result {
        var tuning = judged(suite, part: .tune, recommender: recommender, parallelism: parallelism).queries
        var generator = SplitMix64(seed: foldSeed)
        tuning.seededShuffle(using: &generator)
        let crossValidation = RecommenderTuning.crossValidate(JudgedQueries(queries: tuning, qrels: suite.qrels),
                                                              features: recommender.configuration.features, folds: folds)
        let test = judged(suite, part: .test, recommender: recommender, parallelism: parallelism)
        let alone = recommender.configuration.features.map { feature in
            var weights = RankingFeatures()
            weights[feature] = 1
            return (feature, test.meanNDCG(weights))
        }
        return Result(crossValidation: crossValidation, testNDCG: test.meanNDCG(crossValidation.weights.features), testNDCGByFeature: alone)
    }

    /// The judged queries of one part (those with a relevant document), each with its candidates
    /// as free text (the query's excluded document left out).
    static func judged(_ suite: QualitySuite, part: QualitySuite.Part, recommender: Recommender, parallelism: Parallelism) -> JudgedQueries {
        let queries = suite.queries(part).filter { suite.qrels.judgments[$0.id]?.values.contains(where: { $0 > 0 }) ?? false }
        let found = parallelism.mapChunks(count: queries.count, minimumChunk: 4) { range in
            range.map { index -> (id: String, candidates: [Candidate]) in
                let query = queries[index]
                let context = QueryContext(text: query.text(in: suite.corpus), fields: query.fields)
                let candidates = recommender.candidates(context, target: .achievement, filters: .init())
                return (query.id, candidates.filter { $0.id != query.excludedDocument })
            }
        }.flatMap { $0 }
        return JudgedQueries(queries: found, qrels: suite.qrels)
    }
}
