/// Reference resolution and taxonomy cycles across a load session's records, in time linear in
/// the records and their references (a 100,000-deep region chain included).
extension LoadSession {
    /// A record by its kind's place in `RecordKind.allCases` (regions 0 … relations 7), the order
    /// of resolution, and its index.
    struct RecordPosition: Hashable, Comparable {
        let kind: Int
        let index: Int
        static func < (a: Self, b: Self) -> Bool { (a.kind, a.index) < (b.kind, b.index) }
    }

    /// Resolves every reference. Without skipping, one pass reports everything. With skipping,
    /// a record whose reference points at a skipped record is skipped in turn: the records that
    /// resolved a reference to a newly skipped one are resolved again, round by round, until no
    /// record changes (each record is resolved again only when one it points at is skipped).
    mutating func resolveUntilStable() {
        let skipping = options.skipBadRecords
        let originals = (regions, fields, institutions, experts, enterprises, achievements, demands, relations)
        var resolver = makeResolver()
        var dependents: [String: [RecordPosition]] = [:]
        var newIssues: [CorpusIssue] = []
        var newlyBad: [RecordPosition] = []

        func resolve<R>(_ records: inout [LoadedRecord<R>], _ original: [LoadedRecord<R>], _ position: RecordPosition) {
            var record = original[position.index].record
            var resolution = ReferenceResolution(resolver: resolver, location: records[position.index].location)
            record.resolveReferences(&resolution)
            records[position.index].record = record
            if !resolution.issues.isEmpty {
                newIssues += resolution.issues
                if !records[position.index].isBad { records[position.index].isBad = true; newlyBad.append(position) }
            }
            if skipping {
                for id in Set(resolution.resolvedIDs) { dependents[id, default: []].append(position) }
            }
        }
        func resolve(_ position: RecordPosition) {
            switch position.kind {
            case 0: resolve(&regions, originals.0, position)
            case 1: resolve(&fields, originals.1, position)
            case 2: resolve(&institutions, originals.2, position)
            case 3: resolve(&experts, originals.3, position)
            case 4: resolve(&enterprises, originals.4, position)
            case 5: resolve(&achievements, originals.5, position)
            case 6: resolve(&demands, originals.6, position)
            default: resolve(&relations, originals.7, position)
            }
        }

        for kind in 0..<8 {
            for index in 0..<count(kind) where !(isBad(RecordPosition(kind: kind, index: index)) && skipping) {
                resolve(RecordPosition(kind: kind, index: index))
            }
        }
        newlyBad += markTaxonomyCycles(into: &newIssues)
        issues += newIssues
        guard skipping else { return }
        while !newlyBad.isEmpty {
            var affected = Set<RecordPosition>()
            for position in newlyBad {
                let (id, names) = identity(position)
                guard let id else { continue }
                resolver.skip(id: id, kind: RecordKind.allCases[position.kind], names: names)
                for dependent in dependents[id] ?? [] where !isBad(dependent) { affected.insert(dependent) }
            }
            newlyBad = []
            newIssues = []
            for position in affected.sorted() { resolve(position) }
            issues += newIssues
        }
    }

    /// A resolver knowing every record: usable ones by id and names, bad ones (when skipping) as skipped.
    private func makeResolver() -> ReferenceResolver {
        var resolver = ReferenceResolver(hasRegionTaxonomy: hasRegionTaxonomy, hasFieldTaxonomy: hasFieldTaxonomy)
        let skip = options.skipBadRecords
        let usable = { (isBad: Bool) in !(isBad && skip) }
        func register<R>(_ records: [LoadedRecord<R>], _ kind: RecordKind, names: (R) -> [String]) {
            for entry in records {
                guard let id = entry.record.recordID else { continue }
                if usable(entry.isBad) {
                    resolver.register(id: id, kind: kind, names: names(entry.record))
                } else {
                    resolver.registerSkipped(id: id, names: names(entry.record))
                }
            }
        }
        register(regions, .region) { [$0.name] + $0.aliases }
        register(fields, .field) { [$0.name] + $0.synonyms }
        register(institutions, .institution) { [$0.name] + $0.aliases }
        register(experts, .expert) { _ in [] }
        register(enterprises, .enterprise) { [$0.name] + $0.aliases }
        register(achievements, .achievement) { _ in [] }
        register(demands, .demand) { _ in [] }
        return resolver
    }

    /// The number of records of a kind.
    private func count(_ kind: Int) -> Int {
        [regions.count, fields.count, institutions.count, experts.count, enterprises.count, achievements.count, demands.count, relations.count][kind]
    }

    /// Whether a record is bad.
    private func isBad(_ position: RecordPosition) -> Bool {
        switch position.kind {
        case 0: regions[position.index].isBad
        case 1: fields[position.index].isBad
        case 2: institutions[position.index].isBad
        case 3: experts[position.index].isBad
        case 4: enterprises[position.index].isBad
        case 5: achievements[position.index].isBad
        case 6: demands[position.index].isBad
        default: relations[position.index].isBad
        }
    }

    /// A record's id and the names it can be referred to by (as `makeResolver` registers them).
    private func identity(_ position: RecordPosition) -> (id: String?, names: [String]) {
        switch position.kind {
        case 0: let r = regions[position.index].record; return (r.id, [r.name] + r.aliases)
        case 1: let r = fields[position.index].record; return (r.id, [r.name] + r.synonyms)
        case 2: let r = institutions[position.index].record; return (r.id, [r.name] + r.aliases)
        case 3: return (experts[position.index].record.recordID, [])
        case 4: let r = enterprises[position.index].record; return (r.id, [r.name] + r.aliases)
        case 5: return (achievements[position.index].record.recordID, [])
        case 6: return (demands[position.index].record.recordID, [])
        default: return (nil, [])
        }
    }

    /// Reports each region or field whose parent chain returns to itself, in time linear in the
    /// records: each record is visited once along the parent links (`ParentCycles`).
    /// - Returns: The records newly marked bad.
    mutating func markTaxonomyCycles(into newIssues: inout [CorpusIssue]) -> [RecordPosition] {
        var marked: [RecordPosition] = []
        func check<R>(_ records: inout [LoadedRecord<R>], kind: Int, parent: (R) -> String?, id: (R) -> String) {
            let excluded = records.map { $0.isBad && options.skipBadRecords }
            var indexByID: [String: Int] = [:]
            for (index, entry) in records.enumerated() where !excluded[index] {
                indexByID[id(entry.record)] = indexByID[id(entry.record)] ?? index
            }
            let parents = records.indices.map { index in excluded[index] ? nil : parent(records[index].record).flatMap { indexByID[$0] } }
            let cycleOf = ParentCycles.cycles(parents: parents, excluded: excluded)
            for index in records.indices {
                guard let (cycle, offset) = cycleOf[index] else { continue }
                let path = ParentCycles.describe(cycle: cycle, from: offset) { id(records[$0].record) }
                newIssues.append(CorpusIssue(.error, .taxonomyCycle, at: records[index].location, field: "parent", "the parents form a cycle: \(path)"))
                if !records[index].isBad { records[index].isBad = true; marked.append(RecordPosition(kind: kind, index: index)) }
            }
        }
        check(&regions, kind: 0, parent: \.parent, id: \.id)
        check(&fields, kind: 1, parent: \.parent, id: \.id)
        return marked
    }
}
