import DuijieCorpus

extension Recommender {
    /// Below this text similarity, and below `weakMatchSemantic`, a result is a weak match.
    public static let weakMatchText: Float = 0.05
    /// Below this semantic similarity, and below `weakMatchText`, a result is a weak match.
    public static let weakMatchSemantic: Float = 0.3

    /// The features that say something for this query and target: text, semantic and graph
    /// always; region when the query is a record, field when it is or names fields; maturity,
    /// transfer mode and budget only between a demand and an achievement (for an expert they
    /// would be placeholders).
    func applicableFeatures(_ context: QueryContext, target: RecommendationTarget) -> [RankingFeatures.Name] {
        configuration.features.filter { name in
            switch name {
            case .text, .bm25, .semantic, .graph, .feedback, .words: return true
            case .region: return context.seedID != nil
            case .field: return context.seedID != nil || !context.fields.isEmpty
            case .maturity, .transferMode, .budget: return demandAndAchievement(context, target: target)
            }
        }
    }

    /// Whether the query and the target pair a demand with an achievement.
    private func demandAndAchievement(_ context: QueryContext, target: RecommendationTarget) -> Bool {
        guard let seed = context.seedID else { return false }
        return (target == .achievement && corpus.demand(seed) != nil) || (target == .demand && corpus.achievement(seed) != nil)
    }

    /// The reasons, in words, for recommending record `id` to the query.
    func reasons(_ context: QueryContext, _ id: String, target: RecommendationTarget, features: RankingFeatures) -> [Reason] {
        var reasons: [Reason] = []
        if features.text < Self.weakMatchText && features.semantic < Self.weakMatchSemantic { reasons.append(.weakMatch) }
        guard context.seedID != nil else { return reasons }
        if demandAndAchievement(context, target: target) {
            let demand: (budget: Double?, required: Maturity?, modes: [TransferMode])
            let offer: (price: Double?, maturity: Maturity?, modes: [TransferMode])
            if let achievement = corpus.achievement(id) {
                demand = (context.budget, context.minimumMaturity, context.transferModes)
                offer = (achievement.price, achievement.maturity, achievement.transferModes)
            } else if let record = corpus.demand(id) {
                demand = (record.budget, record.minMaturity, record.transferModes)
                offer = (context.price, context.maturity, context.transferModes)
            } else {
                return reasons
            }
            if let budget = demand.budget, let price = offer.price { reasons.append(.budget(budget: budget, price: price)) }
            if let required = demand.required, let offered = offer.maturity {
                reasons.append(.maturity(required: required.stage, offered: offered.stage))
            }
            if !demand.modes.isEmpty && !offer.modes.isEmpty { reasons.append(.transferModes(wanted: demand.modes, offered: offer.modes)) }
        }
        if let fields = fieldReason(context.fields, corpus.fieldsOfRecord(id)) { reasons.append(fields) }
        if let region = regionReason(context.region, corpus.regionOfRecord(id)) { reasons.append(region) }
        return reasons
    }

    /// The fields both list, else the related pairs (broader, narrower or sibling fields).
    private func fieldReason(_ wanted: [String], _ offered: [String]) -> Reason? {
        func name(_ id: String) -> String {
            guard let field = corpus.field(id) else { return id }
            return field.synonyms.first.map { "\(field.name)（\($0)）" } ?? field.name
        }
        let shared = wanted.filter(offered.contains)
        if !shared.isEmpty { return .fields(shared: shared.map(name), related: []) }
        var related: [String] = []
        for field in wanted {
            for candidate in offered where isRelated(field, candidate) { related.append("\(name(field)) / \(name(candidate))") }
        }
        return related.isEmpty ? nil : .fields(shared: [], related: related)
    }

    private func isRelated(_ a: String, _ b: String) -> Bool {
        let parentA = corpus.field(a)?.parent
        return MetadataFit.fieldAncestors(a, in: corpus).contains(b) || MetadataFit.fieldAncestors(b, in: corpus).contains(a)
            || (parentA != nil && parentA == corpus.field(b)?.parent)
    }

    /// How the regions relate, named by the region both lie in (or the candidate's region).
    private func regionReason(_ query: String?, _ candidate: String?) -> Reason? {
        let relation = RegionRelation(query, candidate, in: corpus)
        guard relation != .unknown, let query, let candidate else { return nil }
        let common = RegionRelation.ancestors(candidate, corpus).first(where: RegionRelation.ancestors(query, corpus).contains)
        let shown: String
        switch relation {
        case .sameDistrict, .sameCity, .sameProvince: shown = common ?? candidate
        default: shown = candidate
        }
        return .region(relation, name: corpus.region(shown)?.name ?? shown)
    }
}
