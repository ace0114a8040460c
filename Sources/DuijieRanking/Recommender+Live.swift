import DuijieCorpus
import DuijieText
import DuijieVectors

extension Recommender {
    /// The recommender of `live`, a later state of `base`'s corpus, made from `base`'s
    /// indexes without indexing the collection again (what a live index serves between
    /// merges). `updated` names, per kind, the records that came from segments (added or
    /// changed); every other record of `live` is in `base` unchanged and in the same order.
    ///
    /// What is exact and what is not, until the next merge (docs/live-index.md):
    /// - an unchanged achievement or profile keeps its weights, its LSA vector and its text
    ///   neighbours; a new or changed one is weighted with the base's statistics (terms new to
    ///   the collection get their own idf), folded into the base's LSA basis, and linked to
    ///   its ten nearest achievements;
    /// - the profiles a change touches (an expert's inventions, an institution's holdings, an
    ///   enterprise's demands, the names of a changed field) are written and weighted again;
    /// - the graph is built again from the live records, so ownership, inventors, relations,
    ///   fields and regions are exact; the base's text-neighbour links to removed or changed
    ///   achievements are dropped.
    static func updated(from base: Recommender, to live: Corpus, updated: [RecordKind: Set<String>], sharedWords: SharedWords?) -> Recommender {
        let sources = ProfileSources(corpus: live)
        let stale = staleProfiles(base: base.corpus, live: live, updated: updated)
        var matchers: [RecordKind: TextMatcher] = [:]
        var newAchievementVectors: [Int: [(term: Int32, weight: Float)]] = [:]
        for kind in [RecordKind.achievement] + profileKinds {
            let matcher = base.matchers[kind]!
            let ids = sources.ids(of: kind)
            let redo = updated[kind, default: []].union(stale[kind, default: []])
            let baseRows = ids.map { id in redo.contains(id) ? nil : matcher.rowByID[id] }
            if ids == matcher.documentIDs && baseRows.allSatisfy({ $0 != nil }) {
                matchers[kind] = matcher
            } else {
                let (updatedMatcher, newVectors) = matcher.updated(ids: ids, baseRows: baseRows, document: { sources.profile(of: kind, at: $0) })
                matchers[kind] = updatedMatcher
                if kind == .achievement { newAchievementVectors = newVectors }
            }
        }
        let achievements = matchers[.achievement]!
        let neighbors = base.textNeighbors.map { relinked($0, base: base.achievements, live: achievements, newVectors: newAchievementVectors, corpus: live) }
        let graph = CorpusGraph(corpus: live, textNeighbors: neighbors)
        return Recommender(corpus: live, matchers: matchers, graph: graph, textNeighbors: neighbors, lsaDimensions: base.lsaDimensions, sharedWords: sharedWords)
    }

    /// Per profile kind, the unchanged records whose profile text a change touches.
    private static func staleProfiles(base: Corpus, live: Corpus, updated: [RecordKind: Set<String>]) -> [RecordKind: Set<String>] {
        // Achievements and demands that are gone or changed, in both versions.
        let achievementIDs = Set(live.achievements.map(\.id))
        let demandIDs = Set(live.demands.map(\.id))
        let touchedAchievements = base.achievements.filter { !achievementIDs.contains($0.id) || updated[.achievement, default: []].contains($0.id) }
            + live.achievements.filter { updated[.achievement, default: []].contains($0.id) }
        let touchedDemands = base.demands.filter { !demandIDs.contains($0.id) || updated[.demand, default: []].contains($0.id) }
            + live.demands.filter { updated[.demand, default: []].contains($0.id) }
        var stale: [RecordKind: Set<String>] = [:]
        for achievement in touchedAchievements {
            stale[.expert, default: []].formUnion(achievement.inventors)
            if let owner = achievement.owner { stale[.institution, default: []].insert(owner) }
        }
        for demand in touchedDemands { stale[.enterprise, default: []].insert(demand.enterprise) }
        // A field's name is part of the profiles of the records that carry it.
        let liveFields = Set(live.fields.map(\.id))
        let changedFields = Set(base.fields.map(\.id).filter { !liveFields.contains($0) }).union(updated[.field, default: []])
        if !changedFields.isEmpty {
            stale[.expert, default: []].formUnion(live.experts.filter { !changedFields.isDisjoint(with: $0.fields) }.map(\.id))
            stale[.institution, default: []].formUnion(live.institutions.filter { !changedFields.isDisjoint(with: $0.fields) }.map(\.id))
            stale[.enterprise, default: []].formUnion(live.enterprises.filter { !changedFields.isDisjoint(with: $0.fields) }.map(\.id))
        }
        return stale
    }

    /// The live achievements' text neighbours, as a full search over the live achievements
    /// with the base's weights finds them: an unchanged achievement keeps its base neighbours
    /// that are still there (renumbered), and is searched again when it lost one; a new or
    /// changed one gets its ten nearest; and a new one enters the lists of the achievements
    /// it is nearer to than their tenth. Searched as the build searches (lexically, or by
    /// LSA above `exactNeighborLimit`).
    private static func relinked(_ neighbors: [[ScoredIndex]], base: TextMatcher, live: TextMatcher,
                                 newVectors: [Int: [(term: Int32, weight: Float)]], corpus: Corpus) -> [[ScoredIndex]] {
        let k = 10
        var liveRowOfBase = [Int32](repeating: -1, count: base.documentIDs.count)
        for (row, id) in live.documentIDs.enumerated() where newVectors[row] == nil {
            if let baseRow = base.rowByID[id] { liveRowOfBase[baseRow] = Int32(row) }
        }
        let semantic = live.documentIDs.count > exactNeighborLimit
        var lists: [[ScoredIndex]] = []
        var lost: [Int] = []
        lists.reserveCapacity(live.documentIDs.count)
        for (row, id) in live.documentIDs.enumerated() {
            guard newVectors[row] == nil, let baseRow = base.rowByID[id], baseRow < neighbors.count else {
                lists.append([])
                continue
            }
            let kept = neighbors[baseRow].compactMap { neighbor -> ScoredIndex? in
                let target = liveRowOfBase[Int(neighbor.index)]
                return target >= 0 ? ScoredIndex(index: target, score: neighbor.score) : nil
            }
            if kept.count < neighbors[baseRow].count { lost.append(row) }
            lists.append(kept)
        }
        // New achievements, and unchanged ones that lost a neighbour (weighted again: bit for
        // bit their rows), are searched in one parallel batch.
        let searched = newVectors.keys.sorted() + lost
        let vectors = searched.map { row in newVectors[row] ?? live.weightedVector(of: IndexedDocument(corpus.achievements[row])) }
        for (row, found) in zip(searched, live.nearestNeighbors(ofRows: searched, vectors: vectors, k: k, semantic: semantic)) { lists[row] = found }
        let ranksBefore: (ScoredIndex, ScoredIndex) -> Bool = { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        for row in newVectors.keys.sorted() {
            for hit in lists[row] where newVectors[Int(hit.index)] == nil {
                let target = Int(hit.index)
                let entry = ScoredIndex(index: Int32(row), score: hit.score)
                guard !lists[target].contains(where: { $0.index == entry.index }) else { continue }
                if lists[target].count < k || ranksBefore(entry, lists[target].last!) {
                    lists[target].append(entry)
                    lists[target].sort(by: ranksBefore)
                    if lists[target].count > k { lists[target].removeLast() }
                }
            }
        }
        return lists
    }
}
