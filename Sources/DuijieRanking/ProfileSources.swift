import DuijieCorpus

/// The text profile of an expert, institution, demand or enterprise: what a broker would read
/// about it, indexed as a document with a title and a body (the rest). An expert is
/// their fields, bio and the titles and keywords of what they invented; an institution its
/// fields, description and what it owns; an enterprise its fields, description and the demands
/// it posted; a demand its title, keywords and description.
///
/// It keeps only who links to whom (record indexes), so a single profile is written on demand
/// instead of every profile's text being held in memory.
struct ProfileSources: Sendable {
    let corpus: Corpus
    private let inventions: [String: [Int32]]
    private let owned: [String: [Int32]]
    private let posted: [String: [Int32]]

    init(corpus: Corpus) {
        self.corpus = corpus
        var inventions: [String: [Int32]] = [:]
        var owned: [String: [Int32]] = [:]
        for (index, achievement) in corpus.achievements.enumerated() {
            for inventor in achievement.inventors { inventions[inventor, default: []].append(Int32(index)) }
            if let owner = achievement.owner { owned[owner, default: []].append(Int32(index)) }
        }
        var posted: [String: [Int32]] = [:]
        for (index, demand) in corpus.demands.enumerated() { posted[demand.enterprise, default: []].append(Int32(index)) }
        self.inventions = inventions
        self.owned = owned
        self.posted = posted
    }

    /// The ids of the records of `kind`, in corpus order (the rows of its profile index).
    func ids(of kind: RecordKind) -> [String] {
        switch kind {
        case .expert: return corpus.experts.map(\.id)
        case .institution: return corpus.institutions.map(\.id)
        case .demand: return corpus.demands.map(\.id)
        case .enterprise: return corpus.enterprises.map(\.id)
        default: return corpus.achievements.map(\.id)
        }
    }

    /// The profile of the record of `kind` at `index` (in corpus order), written when asked for.
    func profile(of kind: RecordKind, at index: Int) -> IndexedDocument {
        switch kind {
        case .expert: return profile(of: corpus.experts[index])
        case .institution: return profile(of: corpus.institutions[index])
        case .demand: return profile(of: corpus.demands[index])
        case .enterprise: return profile(of: corpus.enterprises[index])
        default: return IndexedDocument(corpus.achievements[index])
        }
    }

    /// The profile of the expert, institution, demand or enterprise `id` as one text (title and
    /// body joined), or `nil` for other records.
    func text(of id: String) -> String? {
        let document: IndexedDocument
        if let expert = corpus.expert(id) {
            document = profile(of: expert)
        } else if let institution = corpus.institution(id) {
            document = profile(of: institution)
        } else if let demand = corpus.demand(id) {
            document = profile(of: demand)
        } else if let enterprise = corpus.enterprise(id) {
            document = profile(of: enterprise)
        } else {
            return nil
        }
        return [document.title, document.body].joined(separator: "。")
    }

    func profile(of expert: Expert) -> IndexedDocument {
        document(expert.id, fieldNames(expert.fields), [expert.bio ?? ""] + achievementSummaries(inventions[expert.id]))
    }

    func profile(of institution: Institution) -> IndexedDocument {
        document(institution.id, fieldNames(institution.fields), [institution.description ?? ""] + achievementSummaries(owned[institution.id]))
    }

    func profile(of demand: Demand) -> IndexedDocument {
        document(demand.id, demand.title, [demand.keywords.joined(separator: " "), demand.description ?? ""])
    }

    func profile(of enterprise: Enterprise) -> IndexedDocument {
        let demands = (posted[enterprise.id] ?? []).map { index in
            let demand = corpus.demands[Int(index)]
            return ([demand.title] + demand.keywords).joined(separator: " ")
        }
        return document(enterprise.id, fieldNames(enterprise.fields), [enterprise.description ?? ""] + demands)
    }

    private func achievementSummaries(_ indexes: [Int32]?) -> [String] {
        (indexes ?? []).map { index in
            let achievement = corpus.achievements[Int(index)]
            return ([achievement.title] + achievement.keywords).joined(separator: " ")
        }
    }

    private func fieldNames(_ ids: [String]) -> String { ids.compactMap { corpus.field($0)?.name }.joined(separator: " ") }

    private func document(_ id: String, _ title: String, _ body: [String]) -> IndexedDocument {
        IndexedDocument(id: id, title: title, body: body.filter { !$0.isEmpty }.joined(separator: "。"))
    }
}
