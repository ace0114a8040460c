import DuijieEvaluation
import DuijieVectors

/// Fits `RecommendationWeights` on the demo corpus's judgments (demand → achievement or
/// demand → expert) by `CoordinateAscent` on nDCG@10 over the tuning half of the demands, and
/// measures the test half.
public enum RecommenderTuning {
    /// The fitted weights and what they score on the test half.
    public struct Result: Sendable {
        /// The fitted weights.
        public let weights: RecommendationWeights
        /// Mean nDCG@10 on the tuning demands.
        public let tuneNDCG: Double
        /// Mean nDCG@10 on the test demands: fitted weights, the shipped defaults, text alone.
        public let testNDCG: (tuned: Double, defaults: Double, textOnly: Double)
        /// The test demands that have a relevant candidate.
        public let testQueries: Int
    }

    /// Tunes on `suite` (the demo suite, whose queries are demands) against `qrels`.
    public static func tune(_ recommender: Recommender, suite: QualitySuite, qrels: Qrels, target: RecommendationTarget,
                            parallelism: Parallelism = .automatic) -> Result {
        func features(_ part: QualitySuite.Part) -> [(query: String, candidates: [(id: String, features: [Float])])] {
            let queries = suite.queries(part).compactMap(\.demandID).filter { qrels.judgments[$0]?.values.contains(where: { $0 > 0 }) ?? false }
            return parallelism.mapChunks(count: queries.count, minimumChunk: 2) { range in
                range.map { index in
                    let demand = recommender.corpus.demand(queries[index])!
                    let context = Recommender.QueryContext(
                        text: ([demand.title] + demand.keywords + [demand.description ?? ""]).joined(separator: "。"),
                        seedID: demand.id, region: demand.region, fields: demand.fields,
                        minimumMaturity: demand.minMaturity, transferModes: demand.transferModes, budget: demand.budget)
                    return (queries[index], recommender.candidates(context, target: target, filters: .init()))
                }
            }.flatMap { $0 }
        }
        func score(_ queries: [(query: String, candidates: [(id: String, features: [Float])])], _ weights: [Float]) -> Double {
            guard !queries.isEmpty else { return 0 }
            return queries.reduce(0.0) { total, query in
                let fused = query.candidates.map { zip($0.features, weights).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
                let ranking = TopKSelector.best(10, of: fused).map { query.candidates[Int($0.index)].id }
                return total + RankingMetrics.ndcg(ranking, qrels.judgments[query.query] ?? [:], k: 10)
            } / Double(queries.count)
        }
        let tune = features(.tune)
        let test = features(.test)
        let count = Recommendation.Feature.allCases.count
        let (weights, best) = CoordinateAscent.maximize(count: count) { score(tune, $0) }
        let textOnly = (0..<count).map { $0 == 0 ? Float(1) : 0 }
        return Result(weights: RecommendationWeights(weights), tuneNDCG: best,
                      testNDCG: (score(test, weights), score(test, recommender.defaults(target).values), score(test, textOnly)),
                      testQueries: test.count)
    }
}
