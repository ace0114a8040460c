import DuijieCorpus
import DuijieVectors

/// A record of the target kind that could be recommended, with its features and fused score.
package struct Candidate: Sendable {
    /// The record's id.
    package let id: String
    /// The record's row in the target kind's text index.
    package let row: Int
    /// Its feature values.
    package let features: RankingFeatures
    /// Σ weight × feature value, once weighted.
    package var score: Float = 0
}

/// The text, BM25, LSA and graph scores of every record of the target kind for one query: what
/// one query needs of the corpus-wide indexes, computed once and read by every candidate. A
/// score the configuration does not compute is empty.
struct QuerySignals {
    let context: QueryContext
    let target: RecommendationTarget
    let ids: [String]
    let text: [Float]
    /// BM25 divided by the query's best BM25 score.
    let bm25: [Float]
    let semantic: [Float]
    let proximity: [Float]
    let graphMaximum: Float
    /// BM25 of the expanded query divided by its best (empty unless computed).
    var feedback: [Float] = []
    /// Word BM25 divided by its best (empty unless computed).
    var words: [Float] = []
}

extension Recommender {
    /// How many best text matches seed the graph walk of a free-text query.
    static let freeTextGraphSeeds = 10

    /// When the graph walk has converged (L1 change between iterations).
    static let graphTolerance = 1e-8

    /// The ranking pipeline for one query: signals → candidate pool → filters → features →
    /// fused score → order (ties by index order) → diversity → per-institution limit → explanations.
    func rank(_ context: QueryContext, target: RecommendationTarget, top: Int, weights: RecommendationWeights,
              filters: RecommendationFilters) -> [Recommendation] {
        let chosen = shortlist(context, target: target, top: top, weights: weights, filters: filters)
        let matcher = matchers[target.recordKind]!
        // One path search serves every result.
        let paths = context.seedID.map { graph.paths(from: $0, to: chosen.map(\.id), maximumHops: 4) } ?? [:]
        let applicable = applicableFeatures(context, target: target)
        let prepared = chosen.isEmpty ? nil : sharedWords?.prepare(context.text)
        return chosen.map { candidate in
            let explanation = Explanation(
                contributions: candidate.features.contributions(weights.features),
                matchedTerms: matchedTerms(context.text, prepared: prepared, candidate.id, matcher),
                regionRelation: regionRelation(context, candidate.id),
                path: paths[candidate.id],
                reasons: reasons(context, candidate.id, target: target, features: candidate.features),
                applicableFeatures: applicable)
            return Recommendation(id: candidate.id, score: candidate.score, features: candidate.features, explanation: explanation)
        }
    }

    /// The pipeline up to the explanations: the `top` candidates, scored, in shortlist order.
    package func shortlist(_ context: QueryContext, target: RecommendationTarget, top: Int, weights: RecommendationWeights,
                           filters: RecommendationFilters) -> [Candidate] {
        let signals = signals(context, target: target)
        let scored = candidates(signals, filters: filters).map { candidate in
            var weighted = candidate
            weighted.score = candidate.features.fused(weights.features)
            return weighted
        }
        // Best first; ties by index order (candidates come sorted by row).
        var ordered = scored.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        let matcher = matchers[target.recordKind]!
        if let lambda = filters.diversityLambda, let model = matcher.semanticModel {
            ordered = diversify(ordered, lambda: lambda, vectors: model.documentVectors, limit: top > Int.max / 3 ? Int.max : top * 3)
        }
        var perInstitution: [String: Int] = [:]
        var chosen: [Candidate] = []
        for candidate in ordered where chosen.count < top && candidate.score >= filters.minimumScore ?? -.infinity {
            if let limit = filters.maximumPerInstitution, let organization = corpus.organizationOfRecord(candidate.id, target: target) {
                if perInstitution[organization, default: 0] >= limit { continue }
                perInstitution[organization, default: 0] += 1
            }
            chosen.append(candidate)
        }
        return chosen
    }

    /// Every candidate with its feature values, before weighting (what tuning fits weights on).
    package func candidates(_ context: QueryContext, target: RecommendationTarget, filters: RecommendationFilters) -> [Candidate] {
        candidates(signals(context, target: target), filters: filters)
    }

    /// The pool — the best `configuration.poolPerSource` by each score computed (text, BM25,
    /// LSA, graph proximity) — less what the filters remove, in index order.
    func candidates(_ signals: QuerySignals, filters: RecommendationFilters) -> [Candidate] {
        var pool = Set<Int32>()
        for scores in [signals.text, signals.bm25, signals.semantic, signals.proximity] {
            for hit in TopKSelector.best(configuration.poolPerSource, of: scores) where hit.score > 0 { pool.insert(hit.index) }
        }
        let filter = CandidateFilter(filters, corpus: corpus, target: signals.target)
        return pool.sorted().compactMap { index -> Candidate? in
            let row = Int(index)
            let id = signals.ids[row]
            guard filter.admits(id) else { return nil }
            return Candidate(id: id, row: row, features: features(of: row, signals))
        }
    }

    /// The text, BM25, LSA and graph scores of every record of the target kind for one query
    /// (BM25 for achievements only: the profile kinds have no BM25 index).
    func signals(_ context: QueryContext, target: RecommendationTarget) -> QuerySignals {
        var signals = baseSignals(context, target: target)
        guard target == .achievement else { return signals }
        if configuration.computes(.feedback), let achievementsBM25 {
            signals.feedback = Self.dividedByBest(achievementsBM25.feedbackScores(text: context.text))
        }
        if configuration.computes(.words), let achievementsWords {
            signals.words = Self.dividedByBest(achievementsWords.scores(text: context.text, semantic: false))
        }
        return signals
    }

    /// Scores divided by the best of them (negative ones as 0; unchanged when none is positive).
    static func dividedByBest(_ scores: [Float]) -> [Float] {
        let best = scores.max() ?? 0
        return best > 0 ? scores.map { max(0, $0) / best } : scores
    }

    /// The text, BM25, LSA and graph scores.
    private func baseSignals(_ context: QueryContext, target: RecommendationTarget) -> QuerySignals {
        let matcher = matchers[target.recordKind]!
        let ids = matcher.documentIDs
        let text = matcher.scores(text: context.text, semantic: false)
        let semantic = configuration.computes(.semantic) ? matcher.scores(text: context.text, semantic: true) : []
        var bm25: [Float] = []
        if target == .achievement, let achievementsBM25 {
            bm25 = achievementsBM25.scores(text: context.text, semantic: false)
            let best = bm25.max() ?? 0
            if best > 0 { bm25 = bm25.map { $0 / best } }
        }
        guard configuration.computes(.graph) else {
            return QuerySignals(context: context, target: target, ids: ids, text: text, bm25: bm25, semantic: semantic, proximity: [],
                                graphMaximum: 1)
        }
        var seeds: [String: Double] = [:]
        if let seedID = context.seedID {
            seeds[seedID] = 1
        } else {
            let lexical = target == .achievement ? text : achievements.scores(text: context.text, semantic: false)
            for hit in TopKSelector.best(Self.freeTextGraphSeeds, of: lexical) where hit.score > 0 {
                seeds[achievements.documentIDs[Int(hit.index)]] = Double(hit.score)
            }
        }
        var proximity = [Float](repeating: 0, count: ids.count)
        let nodeScores = graph.proximity(from: seeds, options: .init(tolerance: Self.graphTolerance))
        if let nodeScores, let nodes = graphNodes[target.recordKind] {
            for (row, node) in nodes.enumerated() where node >= 0 { proximity[row] = Float(nodeScores[Int(node)]) }
        }
        return QuerySignals(context: context, target: target, ids: ids, text: text, bm25: bm25, semantic: semantic, proximity: proximity,
                            graphMaximum: max(proximity.max() ?? 0, .leastNonzeroMagnitude))
    }

    /// The feature values of the record at `row` of the target kind's index (0 for a feature
    /// the configuration does not compute).
    func features(of row: Int, _ signals: QuerySignals) -> RankingFeatures {
        var features = RankingFeatures(
            text: signals.text[row], bm25: signals.bm25.isEmpty ? 0 : signals.bm25[row],
            semantic: signals.semantic.isEmpty ? 0 : max(0, signals.semantic[row]),
            graph: signals.proximity.isEmpty ? 0 : signals.proximity[row] / signals.graphMaximum,
            feedback: signals.feedback.isEmpty ? 0 : signals.feedback[row], words: signals.words.isEmpty ? 0 : signals.words[row])
        guard configuration.computesMetadata else { return features }
        let context = signals.context
        let target = signals.target
        let id = signals.ids[row]
        var fit: (maturity: Float, modes: Float, budget: Float) = (0.5, 0.5, 0.5)
        if let achievement = corpus.achievement(id), target == .achievement {
            fit = (MetadataFit.maturity(required: context.minimumMaturity, offered: achievement.maturity),
                   MetadataFit.transferModes(context.transferModes, achievement.transferModes),
                   MetadataFit.budget(context.budget, price: achievement.price))
        } else if let demand = corpus.demand(id), target == .demand, context.maturity != nil || context.price != nil || !context.transferModes.isEmpty {
            fit = (MetadataFit.maturity(required: demand.minMaturity, offered: context.maturity),
                   MetadataFit.transferModes(demand.transferModes, context.transferModes),
                   MetadataFit.budget(demand.budget, price: context.price))
        }
        features.region = regionRelation(context, id).score
        // Neutral (0.25) when the query names no field, as free text usually does.
        features.field = MetadataFit.fields(context.fields, corpus.fieldsOfRecord(id), in: corpus)
        if let gate = configuration.fieldGate { features.field *= min(1, features.text / gate) }
        features.maturity = fit.maturity
        features.transferMode = fit.modes
        features.budget = fit.budget
        return configuration.restricting(features)
    }

    /// How the query's region relates to a record's (unknown for free text).
    func regionRelation(_ context: QueryContext, _ id: String) -> RegionRelation {
        context.seedID == nil ? .unknown : RegionRelation(context.region, corpus.regionOfRecord(id), in: corpus)
    }

    /// Reorders the best-first list by maximal marginal relevance over LSA document vectors,
    /// keeping the first `limit` picks (the rest follow in score order).
    func diversify(_ ordered: [Candidate], lambda: Float, vectors: DenseMatrix, limit: Int) -> [Candidate] {
        func cosine(_ a: Candidate, _ b: Candidate) -> Float {
            zip(vectors.row(a.row), vectors.row(b.row)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        var remaining = ordered
        var picked: [Candidate] = []
        var closest = [Float](repeating: -.infinity, count: remaining.count)
        while !remaining.isEmpty && picked.count < limit {
            var best = 0
            var bestValue = -Float.infinity
            for (index, entry) in remaining.enumerated() {
                let penalty = picked.isEmpty ? 0 : closest[index]
                let value = lambda * entry.score - (1 - lambda) * penalty
                if value > bestValue { bestValue = value; best = index }  // strict: ties keep score order
            }
            let chosen = remaining.remove(at: best)
            closest.remove(at: best)
            for (index, entry) in remaining.enumerated() { closest[index] = max(closest[index], cosine(entry, chosen)) }
            picked.append(chosen)
        }
        return picked + remaining
    }
}
