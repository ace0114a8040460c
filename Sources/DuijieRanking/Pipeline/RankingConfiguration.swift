/// Which features the ranking pipeline computes and how large a candidate pool it scores. The
/// one pipeline (`Recommender`) runs in one of three configurations:
///
/// - `recommender`: the broker's shortlists — text, semantic and graph similarity with region,
///   field, maturity, transfer-mode and budget fit, over the best 100 candidates of each source;
/// - `documents`: plain documents without metadata (the quality suites, `duijie match
///   --weights`) — TF-IDF, BM25, LSA and graph, over the best 200 of each source;
/// - `expandedDocuments`: the same with BM25 of the query expanded by pseudo-relevance feedback
///   and BM25 over dictionary words (`duijie match --ranking learned`).
///
/// A feature the configuration leaves out is 0 for every candidate, whatever its weight.
public struct RankingConfiguration: Sendable, Equatable {
    /// Two configurations are equal when they compute the same features, the same way, over
    /// the same pool.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.features == rhs.features && lhs.poolPerSource == rhs.poolPerSource && lhs.fieldGate == rhs.fieldGate
    }

    /// The features computed, in `RankingFeatures.Name.allCases` order.
    public let features: [RankingFeatures.Name]
    /// How many best candidates each score source (TF-IDF, BM25, LSA, graph) adds to the pool.
    public let poolPerSource: Int
    /// When set (τ), field agreement counts only with text evidence: the field feature is
    /// multiplied by min(1, text / τ).
    public let fieldGate: Float?
    /// The features left out (0 for every candidate).
    let omitted: [RankingFeatures.Name]
    /// Whether any metadata feature (region, field, maturity, transfer mode, budget) is computed.
    let computesMetadata: Bool

    /// A configuration computing `features` over pools of `poolPerSource` per source (and the
    /// field feature gated by text when `fieldGate` is set).
    ///
    /// `features` must include `text`: the graph walk of a free-text query starts from the best
    /// text matches.
    public init(features: Set<RankingFeatures.Name>, poolPerSource: Int, fieldGate: Float? = nil) {
        precondition(features.contains(.text), "the text feature seeds free-text graph walks")
        precondition(poolPerSource > 0, "a pool needs members")
        precondition(fieldGate.map { $0 > 0 } ?? true, "a field gate is a positive text similarity")
        self.features = RankingFeatures.Name.allCases.filter(features.contains)
        self.poolPerSource = poolPerSource
        self.fieldGate = fieldGate
        omitted = RankingFeatures.Name.allCases.filter { !features.contains($0) }
        computesMetadata = !features.isDisjoint(with: RankingFeatures.Name.metadata)
    }

    /// The broker's recommender: every feature except the BM25 ones (TF-IDF carries the lexical
    /// signal, and profiles of experts, institutions, demands and enterprises have no BM25 index).
    public static let recommender = RankingConfiguration(
        features: Set(RankingFeatures.Name.allCases).subtracting([.bm25, .feedback, .words]), poolPerSource: 100)

    /// Plain documents: the text features and the graph, no metadata.
    public static let documents = RankingConfiguration(features: [.text, .bm25, .semantic, .graph], poolPerSource: 200)

    /// Plain documents with two more lexical signals: BM25 of the query expanded by
    /// pseudo-relevance feedback and BM25 over dictionary words. They re-order the same pool
    /// as `documents` (they add no candidates). What the weighting fitted across every quality
    /// suite uses.
    public static let expandedDocuments = RankingConfiguration(features: [.text, .bm25, .semantic, .graph, .feedback, .words],
                                                               poolPerSource: 200)

    /// Whether the configuration computes `feature`.
    public func computes(_ feature: RankingFeatures.Name) -> Bool { features.contains(feature) }

    /// `values` with every feature this configuration leaves out set to 0.
    public func restricting(_ values: RankingFeatures) -> RankingFeatures {
        var restricted = values
        for name in omitted { restricted[name] = 0 }
        return restricted
    }
}
