import DuijieCorpus

/// Filters that remove candidates before ranking, and limits applied while the list is cut.
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
    /// Drop results whose fused score is below this (the score is Σ weight × feature, each
    /// feature in 0…1, so it lies in 0…Σ weights, 0…1 with the shipped weights).
    public var minimumScore: Float?
    /// Never return these records (what the asking user may not see: a server's confidential
    /// demands of other brokers). They are removed before the list is cut, so the shortlist
    /// still holds `top` results when enough others pass.
    public var excludedIDs: Set<String> = []

    /// No filter.
    public init() {}
}

/// `RecommendationFilters` made ready for one query over one corpus: the admitted regions are
/// worked out once, then each candidate is a lookup.
struct CandidateFilter {
    let filters: RecommendationFilters
    let corpus: Corpus
    let target: RecommendationTarget
    /// The regions a region filter admits (with their sub-regions): the named ones, and with
    /// `includesPairedRegions` their 对口合作 partners.
    let allowedRegions: Set<String>

    init(_ filters: RecommendationFilters, corpus: Corpus, target: RecommendationTarget) {
        self.filters = filters
        self.corpus = corpus
        self.target = target
        allowedRegions = Self.allowedRegions(filters, corpus: corpus)
    }

    /// The regions a region filter admits (with their sub-regions): the named ones, and with
    /// `includesPairedRegions` their 对口合作 partners (`corpus` needs only its regions).
    static func allowedRegions(_ filters: RecommendationFilters, corpus: Corpus) -> Set<String> {
        var allowed = Set(filters.regions)
        if filters.includesPairedRegions {
            for id in filters.regions {
                allowed.formUnion(corpus.region(id)?.paired ?? [])
                allowed.formUnion(corpus.regions.filter { $0.paired.contains(id) }.map(\.id))
            }
        }
        return allowed
    }

    /// Whether the record `id` (of the target kind) passes every filter.
    func admits(_ id: String) -> Bool {
        if filters.excludedIDs.contains(id) { return false }
        if !filters.regions.isEmpty {
            guard let region = corpus.regionOfRecord(id) else { return false }
            guard RegionRelation.ancestors(region, corpus).contains(where: allowedRegions.contains) else { return false }
        }
        if !filters.fields.isEmpty {
            let covered = corpus.fieldsOfRecord(id).contains { field in
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

extension Corpus {
    /// The region of any record.
    package func regionOfRecord(_ id: String) -> String? {
        achievement(id)?.region ?? expert(id)?.region ?? institution(id)?.region ?? demand(id)?.region ?? enterprise(id)?.region
    }

    /// The fields of any record.
    func fieldsOfRecord(_ id: String) -> [String] {
        achievement(id)?.fields ?? expert(id)?.fields ?? institution(id)?.fields ?? demand(id)?.fields ?? enterprise(id)?.fields ?? []
    }

    /// The organization a record of the target kind counts against in a per-institution limit.
    func organizationOfRecord(_ id: String, target: RecommendationTarget) -> String? {
        switch target {
        case .achievement: return achievement(id)?.owner
        case .expert: return expert(id)?.institution
        case .institution: return id
        case .demand: return demand(id)?.enterprise
        case .enterprise: return id
        }
    }
}
