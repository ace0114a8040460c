import DuijieBase
import DuijieCorpus
import Foundation

/// What the generator imitates, read from a template corpus (the demo by default): records to
/// bootstrap metadata from, the roles records play, the counts to scale, and the degree laws.
///
/// Metadata are drawn as a whole from one template record (an empirical bootstrap), so joint
/// patterns survive: a `variety` is an agricultural `plant-variety` with its fields, a demand's
/// budget goes with its transfer modes. Fields, regions, kinds, maturities, prices and budgets
/// therefore follow the template's frequencies.
struct TemplateProfile: Sendable {
    let corpus: Corpus

    /// Which template institutions own achievements and which employ experts.
    let institutionOwns: [Bool]
    let institutionHostsExperts: [Bool]
    /// Which template enterprises own achievements and which post demands.
    let enterpriseOwns: [Bool]
    let enterprisePosts: [Bool]
    /// The share of template achievements that name an owner.
    let ownedShare: Double
    /// Mean degrees over the records that have the role: achievements per owner, experts per
    /// employing institution, demands per posting enterprise.
    let achievementsPerOwner: Double
    let expertsPerEmployer: Double
    let demandsPerPoster: Double
    /// The share of inventors employed by the achievement's owner (when the owner has experts).
    let internalInventorShare: Double
    /// Inventors per achievement: the template's share of none, and a Zipf law up to 10 whose
    /// mean matches the template's.
    let inventorCounts: CountDistribution
    /// The template relations by the kinds of their two ends, in first-seen order.
    let relationTypes: [RelationType]
    /// For each kind, relations per record of that kind that takes part in one.
    let relationDegree: [RecordKind: Double]

    /// Template relations whose ends have the same kinds.
    struct RelationType: Sendable {
        let from: RecordKind
        let to: RecordKind
        var relations: [Relation]
    }

    /// Reads `directory` as the template.
    ///
    /// - Throws: `DuijieError` when it cannot be loaded, has errors, or lacks records to imitate.
    init(directory: String) throws(DuijieError) {
        let loaded: CorpusLoadResult
        do { loaded = try CorpusLoader.loadValidated(directory) } catch {
            throw error.prefixed("template")
        }
        try self.init(corpus: loaded.corpus, name: directory)
    }

    /// Profiles an already loaded template corpus.
    init(corpus: Corpus, name: String) throws(DuijieError) {
        for (kind, count) in [(RecordKind.achievement, corpus.achievements.count), (.demand, corpus.demands.count),
                              (.institution, corpus.institutions.count), (.enterprise, corpus.enterprises.count)] where count == 0 {
            throw DuijieError(.invalidInput, "template \(name): it has no \(kind.pluralName) to imitate")
        }
        self.corpus = corpus
        let owners = Set(corpus.achievements.compactMap(\.owner))
        let employers = Set(corpus.experts.map(\.institution))
        let posters = Set(corpus.demands.map(\.enterprise))
        institutionOwns = corpus.institutions.map { owners.contains($0.id) }
        institutionHostsExperts = corpus.institutions.map { employers.contains($0.id) }
        enterpriseOwns = corpus.enterprises.map { owners.contains($0.id) }
        enterprisePosts = corpus.enterprises.map { posters.contains($0.id) }
        let ownedCount = corpus.achievements.filter { $0.owner != nil }.count
        ownedShare = Double(ownedCount) / Double(corpus.achievements.count)
        achievementsPerOwner = owners.isEmpty ? 1 : Double(ownedCount) / Double(owners.count)
        expertsPerEmployer = employers.isEmpty ? 1 : Double(corpus.experts.count) / Double(employers.count)
        demandsPerPoster = Double(corpus.demands.count) / Double(posters.count)

        var internalCount = 0
        var inventorCount = 0
        for achievement in corpus.achievements {
            guard let owner = achievement.owner, employers.contains(owner) else { continue }
            for inventor in achievement.inventors {
                inventorCount += 1
                if corpus.expert(inventor)?.institution == owner { internalCount += 1 }
            }
        }
        internalInventorShare = inventorCount == 0 ? 1 : Double(internalCount) / Double(inventorCount)
        inventorCounts = CountDistribution(fittedTo: corpus.achievements.map(\.inventors.count), maximum: 10)

        var types: [RelationType] = []
        var participants: [RecordKind: Set<String>] = [:]
        var ends: [RecordKind: Int] = [:]
        for relation in corpus.relations {
            guard let from = corpus.kind(of: relation.from), let to = corpus.kind(of: relation.to) else { continue }
            participants[from, default: []].insert(relation.from)
            participants[to, default: []].insert(relation.to)
            ends[from, default: 0] += 1
            ends[to, default: 0] += 1
            if let index = types.firstIndex(where: { $0.from == from && $0.to == to }) {
                types[index].relations.append(relation)
            } else {
                types.append(RelationType(from: from, to: to, relations: [relation]))
            }
        }
        relationTypes = types
        var degrees: [RecordKind: Double] = [:]
        for (kind, ids) in participants { degrees[kind] = Double(ends[kind] ?? 0) / Double(ids.count) }
        relationDegree = degrees
    }

    /// The number of template records of `kind`.
    func count(of kind: RecordKind) -> Int { corpus.count(of: kind) }
}
