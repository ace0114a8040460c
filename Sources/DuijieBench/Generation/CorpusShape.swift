import DuijieCorpus

/// The frequencies and mean degrees of a corpus: what `CorpusGenerator` carries over from its
/// template, measured the same way on any corpus so the two can be compared.
public struct CorpusShape: Sendable {
    /// Each field's share of the field mentions of achievements (a record with two fields
    /// counts for both); the shares sum to 1.
    public let achievementFields: [String: Double]
    /// The same for demands.
    public let demandFields: [String: Double]
    /// Each region's share of achievements (by their region, which defaults to the owner's).
    public let achievementRegions: [String: Double]
    /// Each region's share of institutions (with a region).
    public let institutionRegions: [String: Double]
    /// Each region's share of enterprises.
    public let enterpriseRegions: [String: Double]

    /// Inventors per achievement, over all achievements.
    public let inventorsPerAchievement: Double
    /// Achievements per owner, over the institutions and enterprises that own at least one.
    public let achievementsPerOwner: Double
    /// Demands per enterprise, over the enterprises that post at least one.
    public let demandsPerEnterprise: Double
    /// Experts per institution, over the institutions that employ at least one.
    public let expertsPerInstitution: Double
    /// Relations per participant, over the records in at least one relation.
    public let relationsPerParticipant: Double
    /// Relations per participant of each kind (relations per expert among the experts in one …).
    public let relationsPerParticipantByKind: [RecordKind: Double]
    /// The most achievements any owner holds.
    public let largestOwnerAchievements: Int

    /// Measures `corpus`.
    public init(_ corpus: Corpus) {
        achievementFields = Self.shares(corpus.achievements.flatMap(\.fields))
        demandFields = Self.shares(corpus.demands.flatMap(\.fields))
        achievementRegions = Self.shares(corpus.achievements.compactMap(\.region))
        institutionRegions = Self.shares(corpus.institutions.compactMap(\.region))
        enterpriseRegions = Self.shares(corpus.enterprises.map(\.region))
        inventorsPerAchievement = Self.mean(corpus.achievements.reduce(0) { $0 + $1.inventors.count }, over: corpus.achievements.count)
        var owned: [String: Int] = [:]
        for achievement in corpus.achievements { if let owner = achievement.owner { owned[owner, default: 0] += 1 } }
        achievementsPerOwner = Self.mean(owned.values.reduce(0, +), over: owned.count)
        largestOwnerAchievements = owned.values.max() ?? 0
        demandsPerEnterprise = Self.mean(corpus.demands.count, over: Set(corpus.demands.map(\.enterprise)).count)
        expertsPerInstitution = Self.mean(corpus.experts.count, over: Set(corpus.experts.map(\.institution)).count)
        var participants = Set<String>()
        var ends: [RecordKind: Int] = [:]
        for relation in corpus.relations {
            participants.insert(relation.from)
            participants.insert(relation.to)
            for id in [relation.from, relation.to] { if let kind = corpus.kind(of: id) { ends[kind, default: 0] += 1 } }
        }
        relationsPerParticipant = Self.mean(2 * corpus.relations.count, over: participants.count)
        var byKind: [RecordKind: Double] = [:]
        for (kind, count) in ends {
            byKind[kind] = Self.mean(count, over: participants.filter { corpus.kind(of: $0) == kind }.count)
        }
        relationsPerParticipantByKind = byKind
    }

    /// The total variation distance between two distributions: half the sum of the absolute
    /// differences, 0 for equal ones, 1 for disjoint ones.
    public static func totalVariation(_ first: [String: Double], _ second: [String: Double]) -> Double {
        let keys = Set(first.keys).union(second.keys).sorted()
        return keys.reduce(0) { $0 + abs((first[$1] ?? 0) - (second[$1] ?? 0)) } / 2
    }

    private static func shares(_ values: [String]) -> [String: Double] {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.mapValues { Double($0) / Double(values.count) }
    }

    private static func mean(_ total: Int, over count: Int) -> Double {
        count == 0 ? 0 : Double(total) / Double(count)
    }
}
