import DuijieText
import DuijieVectors

/// What a recommendation is for.
public enum RecommendationTarget: String, Sendable, CaseIterable {
    /// Achievements (科技成果) for a demand or text.
    case achievement
    /// Experts for a demand or text.
    case expert
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

    /// The defaults, fitted by coordinate ascent on the tuning half of the demo corpus's
    /// demand → achievement judgments: `duijie bench recommender --target achievement` prints
    /// these values (test half nDCG@10 0.956, text alone 0.908; see the README).
    public static let achievementDefaults = RecommendationWeights([0.48633662, 0.053123698, 0.14462477, 0.0, 0.21902962, 0.047261093, 0.049624145, 0.0])
    /// The defaults for experts, fitted the same way on the demand → expert judgments
    /// (`--target expert`; test half 0.949, text alone 0.864). Maturity, transfer mode and budget
    /// are constant for experts, so their weights do not change the ranking.
    public static let expertDefaults = RecommendationWeights([0.5308268, 0.06283339, 0.11255547, 0.0, 0.17152143, 0.04075432, 0.04075432, 0.04075432])
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

/// The broker's recommender: for a demand (or free text), a ranked, filtered and explained
/// shortlist of achievements or experts, fusing text (TF-IDF), semantic (LSA) and graph
/// (personalized PageRank) similarity with region, field, maturity, transfer-mode and budget fit.
///
/// Candidates are the union of the best 100 by text, by LSA and by graph proximity; every
/// candidate's features are computed exactly; filters apply before ranking and the
/// per-institution limit after. Ties go to corpus order.
public final class Recommender: Sendable {
    /// The corpus.
    public let corpus: Corpus
    let achievements: TextMatcher
    let experts: TextMatcher
    let graph: CorpusGraph

    /// How many candidates each source contributes.
    public static let poolSize = 100

    /// Indexes `corpus` for recommendations.
    ///
    /// - Parameters:
    ///   - lsaDimensions: LSA dimensions (capped by the corpus size).
    /// - Throws: `LinearAlgebraError` when the SVD fails.
    public init(corpus: Corpus, analyzer: Analyzer, lsaDimensions: Int = 64, parallelism: Parallelism = .automatic) throws(LinearAlgebraError) {
        self.corpus = corpus
        achievements = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        // An expert's text: fields, bio, and the titles and keywords of the achievements they invented.
        var inventions: [String: [String]] = [:]
        for achievement in corpus.achievements {
            for inventor in achievement.inventors { inventions[inventor, default: []].append(([achievement.title] + achievement.keywords).joined(separator: " ")) }
        }
        let profiles = corpus.experts.map { expert in
            var profile = Achievement(id: expert.id, title: expert.fields.compactMap { corpus.field($0)?.name }.joined(separator: " "),
                                      abstract: ([expert.bio ?? ""] + (inventions[expert.id] ?? [])).joined(separator: "。"))
            profile.keywords = []
            return profile
        }
        experts = try TextMatcher(corpus: Corpus(achievements: profiles), analyzer: analyzer,
                                  semantic: RandomizedSVD.Options(rank: lsaDimensions), parallelism: parallelism)
        graph = CorpusGraph(corpus: corpus, textNeighbors: achievements.nearestNeighbors(k: 10, parallelism: parallelism))
    }

    /// The shortlist for a demand of the corpus.
    ///
    /// - Returns: `nil` when there is no demand with this id.
    public func recommend(demand id: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation]? {
        guard let demand = corpus.demand(id) else { return nil }
        let text = ([demand.title] + demand.keywords + [demand.description ?? ""]).joined(separator: "。")
        let context = QueryContext(text: text, seedID: demand.id, region: demand.region, fields: demand.fields,
                                   minimumMaturity: demand.minMaturity, transferModes: demand.transferModes, budget: demand.budget)
        return rank(context, target: target, top: top, weights: weights ?? defaults(target), filters: filters)
    }

    /// The shortlist for free text (metadata features are neutral; the graph walk starts from
    /// the text's best-matching achievements).
    public func recommend(text: String, target: RecommendationTarget, top: Int, weights: RecommendationWeights? = nil,
                          filters: RecommendationFilters = .init()) -> [Recommendation] {
        rank(QueryContext(text: text, seedID: nil, region: nil, fields: [], minimumMaturity: nil, transferModes: [], budget: nil),
             target: target, top: top, weights: weights ?? defaults(target), filters: filters)
    }

    func defaults(_ target: RecommendationTarget) -> RecommendationWeights {
        target == .achievement ? .achievementDefaults : .expertDefaults
    }

    struct QueryContext {
        let text: String
        let seedID: String?
        let region: String?
        let fields: [String]
        let minimumMaturity: Maturity?
        let transferModes: [TransferMode]
        let budget: Double?
    }

    /// Every candidate with its feature values, before weighting (used for tuning too).
    func candidates(_ context: QueryContext, target: RecommendationTarget, filters: RecommendationFilters) -> [(id: String, features: [Float])] {
        let matcher = target == .achievement ? achievements : experts
        let ids = matcher.achievementIDs
        let text = matcher.scores(text: context.text, semantic: false)
        let semantic = matcher.scores(text: context.text, semantic: true)
        var seeds: [String: Double] = [:]
        if let seedID = context.seedID {
            seeds[seedID] = 1
        } else {
            let lexical = achievements.scores(text: context.text, semantic: false)
            for hit in TopKSelector.best(10, of: lexical) where hit.score > 0 { seeds[achievements.achievementIDs[Int(hit.index)]] = Double(hit.score) }
        }
        var proximity = [Float](repeating: 0, count: ids.count)
        if let scores = graph.proximity(from: seeds, options: .init(tolerance: 1e-8)) {
            proximity = ids.map { graph.node(of: $0).map { Float(scores[$0]) } ?? 0 }
        }
        let graphMax = max(proximity.max() ?? 0, .leastNonzeroMagnitude)
        var pool = Set<Int32>()
        for scores in [text, semantic, proximity] {
            for hit in TopKSelector.best(Self.poolSize, of: scores) where hit.score > 0 { pool.insert(hit.index) }
        }
        return pool.sorted().compactMap { index -> (String, [Float])? in
            let id = ids[Int(index)]
            guard passes(id, target: target, filters: filters) else { return nil }
            let region = target == .achievement ? corpus.achievement(id)?.region : corpus.expert(id)?.region
            let fields = (target == .achievement ? corpus.achievement(id)?.fields : corpus.expert(id)?.fields) ?? []
            let achievement = target == .achievement ? corpus.achievement(id) : nil
            let relation = context.seedID == nil ? RegionRelation.unknown : RegionRelation(context.region, region, in: corpus)
            let features: [Float] = [
                text[Int(index)], max(0, semantic[Int(index)]), proximity[Int(index)] / graphMax, relation.score,
                context.seedID == nil ? 0.25 : MetadataFit.fields(context.fields, fields, in: corpus),
                achievement.map { MetadataFit.maturity(required: context.minimumMaturity, offered: $0.maturity) } ?? 0.5,
                achievement.map { MetadataFit.transferModes(context.transferModes, $0.transferModes) } ?? 0.5,
                achievement.map { MetadataFit.budget(context.budget, price: $0.price) } ?? 0.5,
            ]
            return (id, features)
        }
    }

    func rank(_ context: QueryContext, target: RecommendationTarget, top: Int, weights: RecommendationWeights,
              filters: RecommendationFilters) -> [Recommendation] {
        let scored = candidates(context, target: target, filters: filters).map { candidate in
            (candidate, zip(candidate.features, weights.values).reduce(Float(0)) { $0 + $1.0 * $1.1 })
        }
        // Best first; ties by corpus order (candidates come sorted by index).
        let ordered = scored.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        var perInstitution: [String: Int] = [:]
        var results: [Recommendation] = []
        let matcher = target == .achievement ? achievements : experts
        for (candidate, score) in ordered where results.count < top {
            if let limit = filters.maximumPerInstitution, let institution = institution(of: candidate.id, target: target) {
                if perInstitution[institution, default: 0] >= limit { continue }
                perInstitution[institution, default: 0] += 1
            }
            let region = target == .achievement ? corpus.achievement(candidate.id)?.region : corpus.expert(candidate.id)?.region
            results.append(Recommendation(
                id: candidate.id, score: score, features: candidate.features,
                matchedTerms: matcher.explain(text: context.text, achievementID: candidate.id),
                regionRelation: context.seedID == nil ? .unknown : RegionRelation(context.region, region, in: corpus),
                path: context.seedID.flatMap { graph.path(from: $0, to: candidate.id, maximumHops: 4) }))
        }
        return results
    }

    func institution(of id: String, target: RecommendationTarget) -> String? {
        target == .achievement ? corpus.achievement(id)?.owner : corpus.expert(id)?.institution
    }

    func passes(_ id: String, target: RecommendationTarget, filters: RecommendationFilters) -> Bool {
        let region = target == .achievement ? corpus.achievement(id)?.region : corpus.expert(id)?.region
        if !filters.regions.isEmpty {
            guard let region else { return false }
            let chain = RegionRelation.ancestors(region, corpus)
            var allowed = Set(filters.regions)
            if filters.includesPairedRegions {
                for id in filters.regions {
                    allowed.formUnion(corpus.region(id)?.paired ?? [])
                    allowed.formUnion(corpus.regions.filter { $0.paired.contains(id) }.map(\.id))
                }
            }
            guard chain.contains(where: allowed.contains) else { return false }
        }
        if !filters.fields.isEmpty {
            let fields = (target == .achievement ? corpus.achievement(id)?.fields : corpus.expert(id)?.fields) ?? []
            let covered = fields.contains { field in
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
