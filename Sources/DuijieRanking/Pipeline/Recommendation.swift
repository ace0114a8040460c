import DuijieCorpus

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

    /// The kind of record a shortlist for this target holds.
    public var recordKind: RecordKind {
        switch self {
        case .achievement: return .achievement
        case .expert: return .expert
        case .institution: return .institution
        case .demand: return .demand
        case .enterprise: return .enterprise
        }
    }
}

/// One recommended record, with its features and the evidence for it.
public struct Recommendation: Sendable {
    /// The record's id.
    public let id: String
    /// The fused score: Σ weight × feature value.
    public let score: Float
    /// Each feature's value (0…1).
    public let features: RankingFeatures
    /// Why the record is on the list.
    public let explanation: Explanation
}

/// The evidence for a recommendation, built by the same pass that scores it.
public struct Explanation: Sendable {
    /// Each feature's share of the score (weight × value); they add up to the score.
    public let contributions: RankingFeatures
    /// The query terms the record shares, largest contribution first.
    public let matchedTerms: [TextMatch.MatchedTerm]
    /// How the query's region relates to the record's.
    public let regionRelation: RegionRelation
    /// The path through people, institutions, enterprises, relations and fields from the
    /// query's record to this one (record ids), when there is one strong enough
    /// (`CorpusGraph.paths`).
    public let path: [String]?
    /// The reasons in words: budget, maturity, transfer modes, fields, region, a weak match.
    public let reasons: [Reason]
    /// The features that say something for this query and target (maturity means nothing for
    /// an expert): what a report shows.
    public let applicableFeatures: [RankingFeatures.Name]
}

extension Recommendation {
    /// The recommendation without its graph path when a record on the path fails `keep` (a
    /// server leaves out paths through what the asking user may not see).
    public func withoutPath(unless keep: (String) -> Bool) -> Recommendation {
        guard let path = explanation.path, !path.allSatisfy(keep) else { return self }
        let explanation = Explanation(contributions: explanation.contributions, matchedTerms: explanation.matchedTerms,
                                      regionRelation: explanation.regionRelation, path: nil, reasons: explanation.reasons,
                                      applicableFeatures: explanation.applicableFeatures)
        return Recommendation(id: id, score: score, features: features, explanation: explanation)
    }
}
