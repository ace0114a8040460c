import DuijieBase
import DuijieEvaluation
import DuijieVectors

/// Learns the recommender's weights from a centre's own outcomes (judgments exported from its
/// workspace) and says whether the learned weights rank better than the current ones on
/// feedback they were not fitted on.
///
/// The judged queries are dealt into folds by a seeded shuffle of their sorted ids. For each
/// fold, coordinate ascent on nDCG@10 over the other folds, started from the current weights,
/// fits weights that then rank the fold's queries: every query is scored once by weights that
/// never saw it. The paired per-query differences against the current weights give a bootstrap
/// interval and a randomization p-value; the weights to adopt are fitted again on every query.
public enum FeedbackLearning {
    /// Fewer judged queries than this say too little to change the weights.
    public static let minimumQueries = 10

    /// What one learning run found.
    public struct Outcome: Sendable {
        /// The direction learned.
        public let target: RecommendationTarget
        /// Judged queries with at least one relevant result (signed, negotiating, met or contacted).
        public let queries: Int
        /// Folds of the cross-validation (0 when there were too few queries to run it).
        public let folds: Int
        /// The weights ranking now.
        public let current: RecommendationWeights
        /// The weights fitted on every judged query (what would be adopted).
        public let learned: RecommendationWeights
        /// Mean nDCG@10 of the current weights over the judged queries, with its 95% interval.
        public let currentNDCG: Estimate
        /// Mean nDCG@10 of each query ranked by weights fitted without it, with its 95% interval.
        public let heldOutNDCG: Estimate
        /// The mean paired difference (held out − current), with its 95% interval.
        public let difference: Estimate
        /// Two-sided p-value of a paired randomization test of the difference.
        public let pValue: Double

        /// Whether the learned weights are better on held-out feedback: enough queries, and the
        /// difference's whole 95% interval above 0.
        public var isBetter: Bool { queries >= FeedbackLearning.minimumQueries && difference.lower > 0 }
    }

    /// A mean with its 95% bootstrap interval.
    public struct Estimate: Sendable, Equatable {
        /// The mean.
        public let mean: Double
        /// The interval's lower bound.
        public let lower: Double
        /// The interval's upper bound.
        public let upper: Double
    }

    /// Learns weights for `target` from `qrels` (queries are record ids of the corpus; a
    /// query that is no record, or has no relevant result, is left out).
    ///
    /// - Parameters:
    ///   - current: The weights ranking now: where the search starts and what is compared against.
    ///   - folds: Folds of the cross-validation (fewer when there are fewer queries).
    ///   - seed: Seeds the deal into folds and the bootstrap, so a run can be repeated exactly.
    ///   - step: The grid of coordinate ascent.
    public static func learn(_ recommender: Recommender, qrels: Qrels, target: RecommendationTarget, current: RecommendationWeights,
                             folds: Int = 5, seed: UInt64 = 7, step: Float = 0.05, parallelism: Parallelism = .automatic) -> Outcome {
        var order = RecommenderTuning.judgedSources(qrels).sorted()
        var generator = SplitMix64(seed: seed)
        order.seededShuffle(using: &generator)
        let all = JudgedQueries(recommender, sources: order, target: target, qrels: qrels, parallelism: parallelism)
        return learn(all, features: recommender.configuration.features, target: target, current: current, folds: folds, seed: seed, step: step)
    }

    /// Learns weights of `features` over `all` (query i is held out in fold i mod folds).
    package static func learn(_ all: JudgedQueries, features: [RankingFeatures.Name], target: RecommendationTarget,
                              current: RecommendationWeights, folds requestedFolds: Int, seed: UInt64, step: Float) -> Outcome {
        func weighting(_ values: [Float]) -> RankingFeatures {
            var weights = RankingFeatures()
            for (name, value) in zip(features, values) { weights[name] = value }
            return weights
        }
        let currentValues = features.map { current.features[$0] }
        let start = currentValues.reduce(0, +) > 0 ? currentValues : nil
        let before = all.ndcgs(current.features)
        let folds = all.count >= minimumQueries ? min(requestedFolds, all.count) : 0
        var heldOut = before
        for fold in 0..<folds {
            let training = all.subset { $0 % folds != fold }
            let positions = all.queries.indices.filter { $0 % folds == fold }
            let fitted = CoordinateAscent.maximize(count: features.count, start: start, step: step) { training.meanNDCG(weighting($0)) }.weights
            for (position, score) in zip(positions, all.subset { $0 % folds == fold }.ndcgs(weighting(fitted))) { heldOut[position] = score }
        }
        var learned = current
        if folds > 0 {
            let fitted = CoordinateAscent.maximize(count: features.count, start: start, step: step) { all.meanNDCG(weighting($0)) }.weights
            learned = RecommendationWeights(weighting(fitted.map { ($0 * 100).rounded() / 100 }))
        }
        func estimate(_ values: [Double]) -> Estimate {
            let interval = Significance.bootstrapInterval(of: values, seed: seed)
            return Estimate(mean: values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count), lower: interval.lower, upper: interval.upper)
        }
        return Outcome(target: target, queries: all.count, folds: folds, current: current, learned: learned,
                       currentNDCG: estimate(before), heldOutNDCG: estimate(heldOut),
                       difference: estimate(zip(heldOut, before).map { $0 - $1 }),
                       pValue: Significance.randomizationTest(heldOut, before, seed: seed))
    }
}
