import DuijieCorpus
import DuijieEvaluation
import DuijieVectors
/// Fits `RecommendationWeights` on judgments by `CoordinateAscent` on nDCG@10 over the tuning
/// half of the source records (a seeded split), and measures the test half.
public enum RecommenderTuning {
    /// The fitted weights and what they score on the test half.
    public struct Result: Sendable {
        /// The fitted weights.
        public let weights: RecommendationWeights
        /// Mean nDCG@10 on the tuning sources.
        public let tuneNDCG: Double
        /// Mean nDCG@10 on the test sources: fitted weights, the shipped defaults, text alone.
        public let testNDCG: (tuned: Double, defaults: Double, textOnly: Double)
        /// The test sources that have a relevant candidate.
        public let testQueries: Int
    }

    /// Judgments for a source → target direction, from the demo corpus's two judgment files:
    /// demand → achievement and demand → expert as they are; demand → institution from both (an
    /// institution gets the best grade of the achievements it owns and experts it employs);
    /// achievement → demand by reading demand → achievement backwards; achievement → enterprise
    /// from that (an enterprise gets the best grade of its demands).
    public static func judgments(source: RecordKind, target: RecommendationTarget, achievements: Qrels, experts: Qrels,
                                 corpus: Corpus) -> Qrels? {
        var derived = Qrels()
        func raise(_ query: String, _ document: String, _ grade: Int) {
            if grade > (derived.grade(query: query, document: document) ?? Int.min) { derived.setGrade(grade, query: query, document: document) }
        }
        switch (source, target) {
        case (.demand, .achievement): return achievements
        case (.demand, .expert): return experts
        case (.demand, .institution):
            for (demand, grades) in achievements.judgments { for (id, grade) in grades { if let owner = corpus.achievement(id)?.owner { raise(demand, owner, grade) } } }
            for (demand, grades) in experts.judgments { for (id, grade) in grades { if let institution = corpus.expert(id)?.institution { raise(demand, institution, grade) } } }
        case (.achievement, .demand):
            for (demand, grades) in achievements.judgments { for (id, grade) in grades { raise(id, demand, grade) } }
        case (.achievement, .enterprise):
            for (demand, grades) in achievements.judgments {
                guard let enterprise = corpus.demand(demand)?.enterprise else { continue }
                for (id, grade) in grades { raise(id, enterprise, grade) }
            }
        default: return nil
        }
        return derived
    }

    /// Tunes the weights for `target` over the judged sources in `qrels`.
    public static func tune(_ recommender: Recommender, qrels: Qrels, target: RecommendationTarget,
                            parallelism: Parallelism = .automatic) -> Result {
        let judged = qrels.queryIDs.filter { qrels.judgments[$0]!.values.contains { $0 > 0 } }
        let tuningHalf = TuningSplit.tuningHalf(of: judged)
        func features(tuning: Bool) -> [(query: String, candidates: [Candidate])] {
            let sources = judged.filter { tuningHalf.contains($0) == tuning }
            return parallelism.mapChunks(count: sources.count, minimumChunk: 2) { range in
                range.compactMap { index in
                    recommender.context(for: sources[index]).map { (sources[index], recommender.candidates($0, target: target, filters: .init())) }
                }
            }.flatMap { $0 }
        }
        func score(_ queries: [(query: String, candidates: [Candidate])], _ weights: [Float]) -> Double {
            guard !queries.isEmpty else { return 0 }
            let weighting = RankingFeatures(values: weights)
            return queries.reduce(0.0) { total, query in
                let fused = query.candidates.map { $0.features.fused(weighting) }
                let ranking = TopKSelector.best(10, of: fused).map { query.candidates[Int($0.index)].id }
                return total + RankingMetrics.ndcg(ranking, qrels.judgments[query.query] ?? [:], k: 10)
            } / Double(queries.count)
        }
        let tune = features(tuning: true)
        let test = features(tuning: false)
        let count = RankingFeatures.Name.allCases.count
        let (weights, best) = CoordinateAscent.maximize(count: count) { score(tune, $0) }
        let textOnly = (0..<count).map { $0 == 0 ? Float(1) : 0 }
                return Result(weights: RecommendationWeights(weights), tuneNDCG: best,
                      testNDCG: (score(test, weights), score(test, RecommendationWeights.defaults(for: target).values), score(test, textOnly)),
                      testQueries: test.count)
    }
}
