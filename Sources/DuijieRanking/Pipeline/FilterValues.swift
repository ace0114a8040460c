import DuijieCorpus

/// Filters as people write them — region and field names or ids, maturity, transfer-mode and
/// kind words — resolved against a corpus into `RecommendationFilters`. The command line's
/// options and the server's request fields both go through it.
public struct FilterValues: Sendable {
    /// Regions (id or name).
    public var regions: [String] = []
    /// With `regions`, also their 对口合作 partners.
    public var includePairedRegions = false
    /// Fields (id, name or synonym).
    public var fields: [String] = []
    /// The least maturity (a stage word or a TRL).
    public var minMaturity: String?
    /// Transfer modes (English or Chinese words).
    public var modes: [String] = []
    /// Achievement kinds.
    public var kinds: [String] = []
    /// Only dual-use (true) or only civil (false).
    public var dualUse: Bool?
    /// At most this many results per institution.
    public var maxPerInstitution: Int?
    /// MMR's λ in 0…1.
    public var diversity: Float?
    /// The least fused score.
    public var minScore: Float?

    /// No filter.
    public init() {}

    /// Which value a resolution error concerns.
    public enum Value: Sendable {
        case region, field, minMaturity, mode, kind

        /// The member of a JSON request's `filters` object that gives this value (the
        /// server's and a shard server's requests name them alike).
        public var requestMember: String {
            switch self {
            case .region: "regions"
            case .field: "fields"
            case .minMaturity: "minMaturity"
            case .mode: "modes"
            case .kind: "kinds"
            }
        }
    }

    /// A value the corpus or the vocabulary does not know.
    public struct UnknownValue: Error, Sendable {
        /// Which filter.
        public let value: Value
        /// What the filter was given.
        public let given: String
        /// What was expected, in words ("no such region in the corpus", "expected lab, pilot, …").
        public let problem: String
    }

    /// The filters with names resolved in `corpus`.
    ///
    /// - Throws: `UnknownValue` for the first value that does not resolve.
    public func resolve(in corpus: Corpus) throws(UnknownValue) -> RecommendationFilters {
        var filters = RecommendationFilters()
        for name in regions {
            guard let id = corpus.regionID(named: name) else { throw UnknownValue(value: .region, given: name, problem: "no such region in the corpus") }
            filters.regions.append(id)
        }
        filters.includesPairedRegions = includePairedRegions
        for name in fields {
            guard let id = corpus.fieldID(named: name) else { throw UnknownValue(value: .field, given: name, problem: "no such field in the corpus") }
            filters.fields.append(id)
        }
        if let minMaturity {
            guard let value = Maturity.parse(minMaturity) else {
                throw UnknownValue(value: .minMaturity, given: minMaturity, problem: "expected \(Maturity.acceptedValues)")
            }
            filters.minimumMaturity = value
        }
        for name in modes {
            guard let value = TransferMode.parse(name) else { throw UnknownValue(value: .mode, given: name, problem: "expected \(TransferMode.canonicalList)") }
            filters.transferModes.append(value)
        }
        for name in kinds {
            guard let value = AchievementKind.parse(name) else { throw UnknownValue(value: .kind, given: name, problem: "expected \(AchievementKind.canonicalList)") }
            filters.kinds.append(value)
        }
        filters.maximumPerInstitution = maxPerInstitution
        filters.dualUse = dualUse
        filters.diversityLambda = diversity
        filters.minimumScore = minScore
        return filters
    }
}
