import DuijieCorpus
import DuijieText
import DuijieVectors
/// What a recommendation is for.
public enum RecommendationTarget: String, Sendable, CaseIterable {
    /// Achievements (科技成果).
    case achievement
    /// Experts.
    case expert
    /// Institutions (universities, institutes …).
    case institution
    /// Demands (企业技术需求) — for an achievement or an expert.
    case demand
    /// Enterprises — for an achievement or an expert.
    case enterprise

    var recordKind: RecordKind {
        switch self {
        case .achievement: return .achievement
        case .expert: return .expert
        case .institution: return .institution
        case .demand: return .demand
        case .enterprise: return .enterprise
        }
    }
}

/// The weights of the recommender's features (see `Recommendation.Feature`), summing to 1.
public struct RecommendationWeights: Sendable, Equatable {
    /// One weight per feature, in `Recommendation.Feature.allCases` order.
    public var values: [Float]

    /// Creates weights from one value per feature.
    public init(_ values: [Float]) {
        precondition(values.count == Recommendation.Feature.allCases.count, "one weight per feature")
        self.values = values
    }

    // Every default below is what `duijie bench recommender --source S --target T` prints as
    // "exact": coordinate ascent on nDCG@10 over the tuning half of the judged sources of the demo
    // corpus (a seeded split). Test-half nDCG@10, fitted vs text alone, in the comments.

    /// Demand → achievements (test 0.962 vs text alone 0.926).
    public static let achievementDefaults = RecommendationWeights([0.3346967, 0.07889248, 0.11744926, 0.0, 0.34913036, 0.047540903, 0.048740465, 0.023549758])
    /// Demand → experts (0.932 vs 0.835). Maturity, transfer mode and budget are constant for
    /// experts, so their weights do not change the ranking.
    public static let expertDefaults = RecommendationWeights([0.45683163, 0.07853073, 0.1021728, 0.048341967, 0.07853073, 0.07853073, 0.07853073, 0.07853073])
    /// Demand → institutions (0.903 vs 0.850), on judgments derived from the demo's: an
    /// institution is as relevant as the best achievement it owns or expert it employs.
    public static let institutionDefaults = RecommendationWeights([0.7043929, 0.047948204, 0.09562337, 0.0, 0.0, 0.050678555, 0.050678555, 0.050678555])
    /// Achievement → demands (0.940 vs 0.877), the demand → achievement judgments read backwards.
    public static let demandDefaults = RecommendationWeights([0.55286133, 0.026413247, 0.11772298, 0.026413247, 0.15325028, 0.0, 0.079461016, 0.043877885])
    /// Achievement → enterprises (0.960 vs 0.903): an enterprise is as relevant as its best demand.
    public static let enterpriseDefaults = RecommendationWeights([0.5302291, 0.054783594, 0.1470417, 0.0, 0.103594825, 0.054783594, 0.054783594, 0.054783594])
}

/// Filters that remove candidates before ranking.
public struct RecommendationFilters: Sendable, Equatable {
    /// Keep candidates in these regions or their sub-regions (empty: anywhere).
    public var regions: [String] = []
    /// With `regions`, also keep candidates in their 对口合作 partner regions.
    public var includesPairedRegions = false
    /// Keep candidates with one of these fields or a sub-field (empty: any field).
    public var fields: [String] = []
    /// Keep achievements at least this mature.
    public var minimumMaturity: Maturity?
    /// Keep achievements offering one of these transfer modes (empty: any).
    public var transferModes: [TransferMode] = []
    /// Keep achievements of these kinds (empty: any).
    public var kinds: [AchievementKind] = []
    /// Keep only dual-use (`true`) or only civil (`false`) achievements.
    public var dualUse: Bool?
    /// At most this many results from one institution (diversity).
    public var maximumPerInstitution: Int?
    /// Maximal marginal relevance (Carbonell & Goldstein, SIGIR 1998): pick each next result to
    /// maximize λ · score − (1 − λ) · its highest LSA cosine to the results already picked. 1 is
    /// no diversification; lower values trade relevance for variety. `nil` skips MMR.
    public var diversityLambda: Float?

    /// No filter.
    public init() {}
}

/// One recommended record, with the evidence for it.
public struct Recommendation: Sendable {
    /// The features the score adds up.
    public enum Feature: Int, Sendable, CaseIterable {
        case text, semantic, graph, region, field, maturity, transferMode, budget

        /// The feature's name in Chinese or English.
        public func name(chinese: Bool) -> String {
            switch self {
            case .text: return chinese ? "文本相似" : "text"
            case .semantic: return chinese ? "语义相似" : "semantic"
            case .graph: return chinese ? "关系图谱" : "graph"
            case .region: return chinese ? "地区" : "region"
            case .field: return chinese ? "领域" : "field"
            case .maturity: return chinese ? "成熟度" : "maturity"
            case .transferMode: return chinese ? "转化方式" : "transfer mode"
            case .budget: return chinese ? "预算" : "budget"
            }
        }
    }

    /// The record's id.
    public let id: String
    /// The fused score: Σ weight × feature value.
    public let score: Float
    /// Each feature's value (0…1), in `Feature.allCases` order.
    public let features: [Float]
    /// The query terms the record shares, largest contribution first.
    public let matchedTerms: [TextMatch.MatchedTerm]
    /// How the query's region relates to the record's.
    public let regionRelation: RegionRelation
    /// The strongest graph path from the query's record to this one (record ids), when there is one.
    public let path: [String]?
}

/// The broker's recommender: for a demand, an achievement, an expert, an institution, an
/// enterprise or free text, a ranked, filtered and explained shortlist of achievements,
/// experts, institutions, demands or enterprises, fusing text (TF-IDF), semantic (LSA) and graph
/// (personalized PageRank) similarity with region, field, maturity, transfer-mode and budget fit.
///
/// Candidates are the union of the best 100 by text, by LSA and by graph proximity; every
/// candidate's features are computed exactly; filters apply before ranking and the
/// per-institution limit after. Ties go to corpus order.
public final class Recommender: Sendable {
    /// The corpus.
    public let corpus: Corpus
    /// The achievements' text index (TF-IDF and LSA).
    public let achievements: TextMatcher
    let matchers: [RecordKind: TextMatcher]
    /// Writes the text profile of any expert, institution, demand or enterprise on demand.
    let profileSources: ProfileSources
    let graph: CorpusGraph
    /// Per record kind, each indexed record's graph node (−1: none), by row of its matcher.
    let graphNodes: [RecordKind: [Int32]]

    /// Above this many achievements, text-neighbour edges come from `ClusteredNeighbors` on LSA
    /// vectors instead of the exact lexical all-pairs search.
    public static let exactNeighborLimit = 20_000

    /// How many candidates each source contributes.
    public static let poolSize = 100

    /// Indexes `corpus` for recommendations.
    ///
    /// - Parameters:
    ///   - lsaDimensions: LSA dimensions (capped by the corpus size).
    ///   - progress: Called after each part is built (the achievements' index, each profile
    ///     index, the graph) with a line saying what was built.
    /// - Throws: `LinearAlgebraError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int = 64, parallelism: Parallelism = .automatic,
                progress: ((String) -> Void)? = nil) throws(LinearAlgebraError) {
        self.corpus = corpus
        let (achievements, neighbors) = try Self.achievementIndex(of: corpus, analyzer: analyzer, lsaDimensions: lsaDimensions, parallelism: parallelism)
        self.achievements = achievements
        progress?("achievements indexed: \(achievements.terms.statistics.terms.count) terms")
        var indexes: [RecordKind: TextMatcher] = [.achievement: achievements]
        let sources = ProfileSources(corpus: corpus)
        for kind in Self.profileKinds {
            // Profiles are written as the counting reaches them, never all at once.
            let ids = sources.ids(of: kind)
            indexes[kind] = try TextMatcher(ids: ids, document: { sources.profile(of: kind, at: $0) }, analyzer: analyzer,
                                            semantic: RandomizedSVD.Options(rank: min(lsaDimensions, max(ids.count, 1))),
                                            parallelism: parallelism).retainingPostingsOnly()
            progress?("\(kind.rawValue) profiles indexed: \(indexes[kind]!.terms.statistics.terms.count) terms")
        }
        matchers = indexes
        profileSources = sources
        graph = CorpusGraph(corpus: corpus, textNeighbors: neighbors)
        progress?("graph built: \(graph.graph.nodeCount) nodes, \(graph.graph.targets.count) edges")
        graphNodes = Self.graphNodes(of: indexes, in: graph)
    }

    /// The achievements' text index, keeping only what ranking needs (the inverted index), and
    /// each achievement's text neighbours: exact lexical ones, or, for large corpora,
    /// approximate neighbours of the LSA vectors (`ClusteredNeighbors`), whose cost grows as
    /// n^1.5, not n². The document-major matrix is gone when this returns, before the next
    /// index is built.
    private static func achievementIndex(of corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int,
                                         parallelism: Parallelism) throws(LinearAlgebraError) -> (TextMatcher, [[ScoredIndex]]) {
        let built = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        let neighbors = corpus.achievements.count > exactNeighborLimit
            ? ClusteredNeighbors.neighbors(of: built.semanticModel!.documentVectors, k: 10, parallelism: parallelism)
            : built.nearestNeighbors(k: 10, parallelism: parallelism)
        return (built.retainingPostingsOnly(), neighbors)
    }

    /// Restores a recommender from saved parts (`RecommenderIndex`): the corpus, the text
    /// index of each record kind (achievements and the four profile kinds) and the corpus graph.
    init(corpus: Corpus, matchers: [RecordKind: TextMatcher], graph: CorpusGraph) {
        precondition(matchers.keys.count == Self.profileKinds.count + 1 && matchers[.achievement] != nil, "one matcher per kind")
        self.corpus = corpus
        achievements = matchers[.achievement]!
        self.matchers = matchers
        profileSources = ProfileSources(corpus: corpus)
        self.graph = graph
        graphNodes = Self.graphNodes(of: matchers, in: graph)
    }

    /// The kinds indexed by a text profile (`profiles(of:in:)`) rather than their own text.
    static let profileKinds: [RecordKind] = [.expert, .institution, .demand, .enterprise]

    static func graphNodes(of matchers: [RecordKind: TextMatcher], in graph: CorpusGraph) -> [RecordKind: [Int32]] {
        matchers.mapValues { matcher in matcher.achievementIDs.map { Int32(graph.node(of: $0) ?? -1) } }
    }

    /// The shortlist for a record of the corpus — a demand, an achievement, an expert, an
    /// institution or an enterprise.
    ///
    /// - Returns: `nil` when there is no such record (or it is a region, field or relation).
    public func recommend(for id: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation]? {
        guard let context = context(for: id) else { return nil }
        return rank(context, target: target, top: top, weights: weights ?? defaults(target, source: corpus.kind(of: id)), filters: filters)
    }

    /// The shortlist for a demand of the corpus.
    ///
    /// - Returns: `nil` when there is no demand with this id.
    public func recommend(demand id: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation]? {
        guard corpus.demand(id) != nil else { return nil }
        return recommend(for: id, target: target, top: top, weights: weights, filters: filters)
    }

    /// What a record asks for, as a query: its text, its graph seed, and the metadata a
    /// candidate is fitted against.
    package func context(for id: String) -> QueryContext? {
        func fieldNames(_ ids: [String]) -> String { ids.compactMap { corpus.field($0)?.name }.joined(separator: " ") }
        switch corpus.kind(of: id) {
        case .demand:
            let demand = corpus.demand(id)!
            return QueryContext(text: demand.queryText,
                                seedID: id, region: demand.region, fields: demand.fields, minimumMaturity: demand.minMaturity,
                                transferModes: demand.transferModes, budget: demand.budget, maturity: nil, price: nil)
        case .achievement:
            let achievement = corpus.achievement(id)!
            return QueryContext(text: ([achievement.title] + achievement.keywords + [achievement.abstract ?? ""]).joined(separator: "。"),
                                seedID: id, region: achievement.region, fields: achievement.fields, minimumMaturity: nil,
                                transferModes: achievement.transferModes, budget: nil, maturity: achievement.maturity, price: achievement.price)
        case .expert, .institution, .enterprise:
            let text = profileSources.text(of: id) ?? ""
            let region = corpus.expert(id)?.region ?? corpus.institution(id)?.region ?? corpus.enterprise(id)?.region
            let fields = corpus.expert(id)?.fields ?? corpus.institution(id)?.fields ?? corpus.enterprise(id)?.fields ?? []
            return QueryContext(text: text, seedID: id, region: region, fields: fields, minimumMaturity: nil,
                                transferModes: [], budget: nil, maturity: nil, price: nil)
        default:
            return nil
        }
    }

    /// The shortlist for free text (metadata features are neutral; the graph walk starts from
    /// the text's best-matching achievements).
    public func recommend(text: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation] {
        rank(QueryContext(text: text, seedID: nil, region: nil, fields: [], minimumMaturity: nil, transferModes: [], budget: nil, maturity: nil, price: nil),
             target: target, top: top, weights: weights ?? defaults(target, source: nil), filters: filters)
    }

    /// The shipped weights for a target (and the source's kind, for the reverse directions).
    package func defaults(_ target: RecommendationTarget, source: RecordKind?) -> RecommendationWeights {
        switch target {
        case .achievement: return .achievementDefaults
        case .expert: return .expertDefaults
        case .institution: return .institutionDefaults
        case .demand: return .demandDefaults
        case .enterprise: return .enterpriseDefaults
        }
    }

    package struct QueryContext {
        let text: String
        let seedID: String?
        let region: String?
        let fields: [String]
        let minimumMaturity: Maturity?
        let transferModes: [TransferMode]
        let budget: Double?
        /// For an achievement as the source: its maturity and price, fitted against demands.
        let maturity: Maturity?
        let price: Double?
    }

    /// Every candidate with its feature values, before weighting (used for tuning too).
    package func candidates(_ context: QueryContext, target: RecommendationTarget, filters: RecommendationFilters) -> [(id: String, features: [Float])] {
        candidates(signals(context, target: target), filters: filters)
    }

    func candidates(_ signals: Signals, filters: RecommendationFilters) -> [(id: String, features: [Float])] {
        let target = signals.target
        var pool = Set<Int32>()
        for scores in [signals.text, signals.semantic, signals.proximity] {
            for hit in TopKSelector.best(Self.poolSize, of: scores) where hit.score > 0 { pool.insert(hit.index) }
        }
        let allowedRegions = self.allowedRegions(filters)
        let ids = matchers[target.recordKind]!.achievementIDs
        return pool.sorted().compactMap { index -> (String, [Float])? in
            let id = ids[Int(index)]
            guard passes(id, target: target, filters: filters, allowedRegions: allowedRegions) else { return nil }
            return (id, features(of: Int(index), signals))
        }
    }

    /// The text, LSA and graph scores of every record of the target kind for one query.
    struct Signals {
        let context: QueryContext
        let target: RecommendationTarget
        let ids: [String]
        let text: [Float]
        let semantic: [Float]
        let proximity: [Float]
        let graphMaximum: Float
    }

    func signals(_ context: QueryContext, target: RecommendationTarget) -> Signals {
        let matcher = matchers[target.recordKind]!
        let ids = matcher.achievementIDs
        let text = matcher.scores(text: context.text, semantic: false)
        let semantic = matcher.scores(text: context.text, semantic: true)
        var seeds: [String: Double] = [:]
        if let seedID = context.seedID {
            seeds[seedID] = 1
        } else {
            let lexical = target == .achievement ? text : achievements.scores(text: context.text, semantic: false)
            for hit in TopKSelector.best(10, of: lexical) where hit.score > 0 { seeds[achievements.achievementIDs[Int(hit.index)]] = Double(hit.score) }
        }
        var proximity = [Float](repeating: 0, count: ids.count)
        let nodeScores = graph.proximity(from: seeds, options: .init(tolerance: 1e-8))
        if let nodeScores, let nodes = graphNodes[target.recordKind] {
            for (row, node) in nodes.enumerated() where node >= 0 { proximity[row] = Float(nodeScores[Int(node)]) }
        }
        return Signals(context: context, target: target, ids: ids, text: text, semantic: semantic, proximity: proximity,
                       graphMaximum: max(proximity.max() ?? 0, .leastNonzeroMagnitude))
    }

    /// The feature values of the record at `index` of the target kind's index.
    func features(of index: Int, _ signals: Signals) -> [Float] {
        let context = signals.context
        let target = signals.target
        let id = signals.ids[index]
        let relation = context.seedID == nil ? RegionRelation.unknown : RegionRelation(context.region, region(of: id), in: corpus)
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
        return [
            signals.text[index], max(0, signals.semantic[index]), signals.proximity[index] / signals.graphMaximum, relation.score,
            context.seedID == nil ? 0.25 : MetadataFit.fields(context.fields, fields(of: id), in: corpus),
            fit.maturity, fit.modes, fit.budget,
        ]
    }

    func rank(_ context: QueryContext, target: RecommendationTarget, top: Int, weights: RecommendationWeights,
              filters: RecommendationFilters) -> [Recommendation] {
        let signals = signals(context, target: target)
        let scored = candidates(signals, filters: filters).map { candidate in
            (candidate, zip(candidate.features, weights.values).reduce(Float(0)) { $0 + $1.0 * $1.1 })
        }
        // Best first; ties by corpus order (candidates come sorted by index).
        var ordered = scored.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        if let lambda = filters.diversityLambda, let model = matchers[target.recordKind]?.semanticModel {
            ordered = diversify(ordered, lambda: lambda, vectors: model.documentVectors, rowByID: matchers[target.recordKind]!.rowByID, limit: top * 3)
        }
        var perInstitution: [String: Int] = [:]
        var chosen: [(candidate: (id: String, features: [Float]), score: Float)] = []
        for (candidate, score) in ordered where chosen.count < top {
            if let limit = filters.maximumPerInstitution, let institution = institution(of: candidate.id, target: target) {
                if perInstitution[institution, default: 0] >= limit { continue }
                perInstitution[institution, default: 0] += 1
            }
            chosen.append((candidate, score))
        }
        // One path search serves every result.
        let paths = context.seedID.map { graph.paths(from: $0, to: chosen.map(\.candidate.id), maximumHops: 4) } ?? [:]
        let matcher = matchers[target.recordKind]!
        let results = chosen.map { candidate, score in
            Recommendation(
                id: candidate.id, score: score, features: candidate.features,
                matchedTerms: matcher.explain(text: context.text, achievementID: candidate.id),
                regionRelation: context.seedID == nil ? .unknown : RegionRelation(context.region, region(of: candidate.id), in: corpus),
                path: paths[candidate.id])
        }
        return results
    }

    /// Reorders the best-first list by maximal marginal relevance over LSA document vectors,
    /// keeping the first `limit` picks (the rest follow in score order).
    func diversify(_ ordered: [(candidate: (id: String, features: [Float]), score: Float)], lambda: Float,
                   vectors: DenseMatrix, rowByID: [String: Int], limit: Int) -> [(candidate: (id: String, features: [Float]), score: Float)] {
        func cosine(_ a: String, _ b: String) -> Float {
            guard let x = rowByID[a], let y = rowByID[b] else { return 0 }
            return zip(vectors.row(x), vectors.row(y)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        var remaining = ordered
        var picked: [(candidate: (id: String, features: [Float]), score: Float)] = []
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
            for (index, entry) in remaining.enumerated() { closest[index] = max(closest[index], cosine(entry.candidate.id, chosen.candidate.id)) }
            picked.append(chosen)
        }
        return picked + remaining
    }

    func institution(of id: String, target: RecommendationTarget) -> String? {
        switch target {
        case .achievement: return corpus.achievement(id)?.owner
        case .expert: return corpus.expert(id)?.institution
        case .institution: return id
        case .demand: return corpus.demand(id)?.enterprise
        case .enterprise: return id
        }
    }

    /// The region of any record.
    func region(of id: String) -> String? {
        corpus.achievement(id)?.region ?? corpus.expert(id)?.region ?? corpus.institution(id)?.region
            ?? corpus.demand(id)?.region ?? corpus.enterprise(id)?.region
    }

    /// The fields of any record.
    func fields(of id: String) -> [String] {
        corpus.achievement(id)?.fields ?? corpus.expert(id)?.fields ?? corpus.institution(id)?.fields
            ?? corpus.demand(id)?.fields ?? corpus.enterprise(id)?.fields ?? []
    }

    /// The regions a region filter admits (with their sub-regions): the named ones, and with
    /// `includesPairedRegions` their 对口合作 partners. Computed once per query.
    func allowedRegions(_ filters: RecommendationFilters) -> Set<String> {
        var allowed = Set(filters.regions)
        if filters.includesPairedRegions {
            for id in filters.regions {
                allowed.formUnion(corpus.region(id)?.paired ?? [])
                allowed.formUnion(corpus.regions.filter { $0.paired.contains(id) }.map(\.id))
            }
        }
        return allowed
    }

    func passes(_ id: String, target: RecommendationTarget, filters: RecommendationFilters, allowedRegions: Set<String>) -> Bool {
        if !filters.regions.isEmpty {
            guard let region = region(of: id) else { return false }
            guard RegionRelation.ancestors(region, corpus).contains(where: allowedRegions.contains) else { return false }
        }
        if !filters.fields.isEmpty {
            let covered = fields(of: id).contains { field in
                var current: String? = field
                while let value = current {
                    if filters.fields.contains(value) { return true }
                    current = corpus.field(value)?.parent
                }
                return false
            }
            guard covered else { return false }
        }
        guard target == .achievement, let achievement = corpus.achievement(id) else { return true }
        if let minimum = filters.minimumMaturity {
            guard let maturity = achievement.maturity, maturity.stage >= minimum.stage else { return false }
        }
        if !filters.transferModes.isEmpty && Set(filters.transferModes).isDisjoint(with: achievement.transferModes) { return false }
        if !filters.kinds.isEmpty { guard let kind = achievement.kind, filters.kinds.contains(kind) else { return false } }
        if let dualUse = filters.dualUse, achievement.dualUse != dualUse { return false }
        return true
    }
}
