import DuijieEvaluation
import DuijieRanking
import DuijieVectors

/// Fits `FusionWeights` on a suite's tuning queries by `CoordinateAscent` on nDCG@10.
public enum FusionTuning {
    /// The fitted weights and what they score.
    public struct Result: Sendable {
        /// The weights.
        public let weights: FusionWeights
        /// Mean nDCG@10 on the tuning queries.
        public let tuneNDCG: Double
        /// Mean nDCG@10 on the test queries for the fitted weights.
        public let testNDCG: Double
        /// Mean nDCG@10 on the test queries for each feature alone, in `FusedMatcher.featureNames` order.
        public let testNDCGByFeature: [Double]
    }

    /// Feature values of one query's candidates (the union of each feature's top 200).
    struct Candidates {
        let queryID: String
        let documents: [String]
        let features: [[Float]]  // per candidate, per feature
    }

    /// Tunes weights on `suite`; the graph feature takes part when the matcher has a graph.
    public static func tune(_ suite: QualitySuite, matcher: FusedMatcher, parallelism: Parallelism = .automatic) -> Result {
        let featureCount = matcher.graph == nil ? 3 : 4
        let tune = candidates(suite, part: .tune, matcher: matcher, parallelism: parallelism)
        let test = candidates(suite, part: .test, matcher: matcher, parallelism: parallelism)
        let (weights, best) = CoordinateAscent.maximize(count: featureCount) { score(tune, $0, suite.qrels) }
        let padded = weights + [Float](repeating: 0, count: 4 - featureCount)
        let fitted = FusionWeights(tfidf: padded[0], bm25: padded[1], lsa: padded[2], graph: padded[3],
                                   lsaDimensions: matcher.tfidf.semanticModel?.dimensions ?? 0)
        let alone = (0..<featureCount).map { feature in
            score(test, (0..<featureCount).map { $0 == feature ? Float(1) : 0 }, suite.qrels)
        }
        return Result(weights: fitted, tuneNDCG: best, testNDCG: score(test, weights, suite.qrels), testNDCGByFeature: alone)
    }

    static func candidates(_ suite: QualitySuite, part: QualitySuite.Part, matcher: FusedMatcher, parallelism: Parallelism) -> [Candidates] {
        let queries = suite.queries(part).filter { suite.qrels.judgments[$0.id]?.values.contains(where: { $0 > 0 }) ?? false }
        let ids = matcher.tfidf.documentIDs
        let featureCount = matcher.graph == nil ? 3 : 4
        return parallelism.mapChunks(count: queries.count, minimumChunk: 4) { range in
            range.map { index -> Candidates in
                let query = queries[index]
                let features = Array(matcher.features(text: query.text(in: suite.corpus)).prefix(featureCount))
                var pool = Set<Int32>()
                for scores in features { for hit in TopKSelector.best(200, of: scores) where hit.score > 0 { pool.insert(hit.index) } }
                let members = pool.sorted().filter { ids[Int($0)] != query.excludedDocument }
                return Candidates(queryID: query.id, documents: members.map { ids[Int($0)] },
                                  features: members.map { member in features.map { $0[Int(member)] } })
            }
        }.flatMap { $0 }
    }

    static func score(_ queries: [Candidates], _ weights: [Float], _ qrels: Qrels) -> Double {
        guard !queries.isEmpty else { return 0 }
        var total = 0.0
        for query in queries {
            let fused = query.features.map { values in zip(values, weights).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
            let ranking = TopKSelector.best(10, of: fused).map { query.documents[Int($0.index)] }
            total += RankingMetrics.ndcg(ranking, qrels.judgments[query.queryID] ?? [:], k: 10)
        }
        return total / Double(queries.count)
    }
}
