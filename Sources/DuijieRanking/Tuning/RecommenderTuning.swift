import DuijieBase
import DuijieCorpus
import DuijieEvaluation
import DuijieVectors

/// Fits `RecommendationWeights` on judgments by `CoordinateAscent` on nDCG@10, by k-fold
/// cross-validation over the judged source records.
public enum RecommenderTuning {
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

    /// What k-fold cross-validation gives: weights, and how well weights fitted without a query
    /// rank it.
    public struct CrossValidation: Sendable {
        /// The mean of the folds' fitted weights, each rounded to `step` (what 60 to 120 judged
        /// queries support; finer digits only fit noise).
        public let weights: RecommendationWeights
        /// Mean nDCG@10 over every judged source, each ranked by the weights fitted on the other folds.
        public let heldOutNDCG: Double
        /// Mean nDCG@10 of text similarity alone over the same sources.
        public let textOnlyNDCG: Double
        /// The judged sources that have a relevant candidate.
        public let queries: Int
    }

    /// Fits weights for `target` by `folds`-fold cross-validation: the judged sources are dealt
    /// into folds by a seeded shuffle; for each fold, coordinate ascent on nDCG@10 over the
    /// other folds fits weights that rank the fold's sources. Only the features the
    /// recommender's configuration computes get weights.
    public static func crossValidate(_ recommender: Recommender, qrels: Qrels, target: RecommendationTarget, folds: Int = 5,
                                     seed: UInt64 = 7, step: Float = 0.05, parallelism: Parallelism = .automatic) -> CrossValidation {
        var order = judgedSources(qrels).sorted()
        var generator = SplitMix64(seed: seed)
        order.seededShuffle(using: &generator)
        let all = JudgedQueries(recommender, sources: order, target: target, qrels: qrels, parallelism: parallelism)
        return crossValidate(all, features: recommender.configuration.features, folds: folds, step: step)
    }

    /// Cross-validates weights of `features` over `all` (dealt into folds by position: query i
    /// is held out in fold i mod `folds`).
    package static func crossValidate(_ all: JudgedQueries, features: [RankingFeatures.Name], folds: Int = 5,
                                      step: Float = 0.05) -> CrossValidation {
        precondition(folds >= 2, "at least two folds")
        func weighting(_ values: [Float]) -> RankingFeatures {
            var weights = RankingFeatures()
            for (name, value) in zip(features, values) { weights[name] = value }
            return weights
        }
        var heldOutTotal = 0.0
        var weightSums = [Float](repeating: 0, count: features.count)
        for fold in 0..<folds {
            let training = all.subset { $0 % folds != fold }
            let heldOut = all.subset { $0 % folds == fold }
            let (weights, _) = CoordinateAscent.maximize(count: features.count, step: step) { training.meanNDCG(weighting($0)) }
            heldOutTotal += heldOut.meanNDCG(weighting(weights)) * Double(heldOut.count)
            for index in weights.indices { weightSums[index] += weights[index] }
        }
        let units = (1 / step).rounded()
        let rounded = weightSums.map { ($0 / Float(folds) * units).rounded() / units }
        return CrossValidation(weights: RecommendationWeights(weighting(rounded)),
                               heldOutNDCG: all.count == 0 ? 0 : heldOutTotal / Double(all.count),
                               textOnlyNDCG: all.meanNDCG(RankingFeatures(text: 1)), queries: all.count)
    }

    /// Mean nDCG@10 of `weights` over every judged source in `qrels`.
    public static func meanNDCG(_ recommender: Recommender, qrels: Qrels, target: RecommendationTarget, weights: RecommendationWeights,
                                parallelism: Parallelism = .automatic) -> Double {
        JudgedQueries(recommender, sources: judgedSources(qrels), target: target, qrels: qrels, parallelism: parallelism).meanNDCG(weights.features)
    }

    /// The sources in `qrels` with at least one relevant record.
    package static func judgedSources(_ qrels: Qrels) -> [String] {
        qrels.queryIDs.filter { qrels.judgments[$0]!.values.contains { $0 > 0 } }
    }
}

/// Judged queries with every candidate's features, computed once, so that weights can be tried
/// by the thousand (each try is a weighted sum and a top-10 per query).
package struct JudgedQueries: Sendable {
    /// Each query's id (its key in the judgments) and candidates.
    package let queries: [(id: String, candidates: [Candidate])]
    /// The judgments.
    package let qrels: Qrels

    /// Judged queries from candidates already found.
    package init(queries: [(id: String, candidates: [Candidate])], qrels: Qrels) {
        self.queries = queries
        self.qrels = qrels
    }

    /// The candidates of records of the corpus as queries (`sources`, in order; an id that is
    /// no query record is left out).
    package init(_ recommender: Recommender, sources: [String], target: RecommendationTarget, qrels: Qrels, parallelism: Parallelism) {
        let queries = parallelism.mapChunks(count: sources.count, minimumChunk: 2) { range in
            range.compactMap { index in
                recommender.context(for: sources[index]).map { (sources[index], recommender.candidates($0, target: target, filters: .init())) }
            }
        }.flatMap { $0 }
        self.init(queries: queries, qrels: qrels)
    }

    /// How many queries.
    package var count: Int { queries.count }

    /// The queries whose position passes `isIncluded`.
    package func subset(_ isIncluded: (Int) -> Bool) -> JudgedQueries {
        JudgedQueries(queries: queries.indices.filter(isIncluded).map { queries[$0] }, qrels: qrels)
    }

    /// Mean nDCG@10 when candidates are ranked by `weights` (0 for no query).
    package func meanNDCG(_ weights: RankingFeatures) -> Double {
        guard !queries.isEmpty else { return 0 }
        return ndcgs(weights).reduce(0, +) / Double(queries.count)
    }

    /// Each query's nDCG@10 when its candidates are ranked by `weights`, in query order.
    package func ndcgs(_ weights: RankingFeatures) -> [Double] {
        queries.map { query in
            let fused = query.candidates.map { $0.features.fused(weights) }
            let ranking = TopKSelector.best(10, of: fused).map { query.candidates[Int($0.index)].id }
            return RankingMetrics.ndcg(ranking, qrels.judgments[query.id] ?? [:], k: 10)
        }
    }
}
