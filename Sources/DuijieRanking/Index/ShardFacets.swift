import DuijieBase
import DuijieCorpus
import DuijieJSON

/// What a shard keeps of its achievements to apply the recommender's filters (region, field,
/// maturity, transfer mode, kind, dual use) without the corpus: each achievement's facets, and
/// the taxonomy (regions and fields) that resolves names and 对口合作 partners.
///
/// A region or field filter admits a record in a named region or field or below it, so each
/// achievement keeps its region with every ancestor and its fields with every ancestor: a
/// filter is then a set intersection, as `CandidateFilter` decides with the whole corpus.
public struct ShardFacets: Sendable {
    /// One achievement's filterable values.
    public struct Document: Sendable, Equatable {
        /// Its region and the regions above it (ids), empty when it names none.
        let regions: [String]
        /// Its fields and the fields above them (ids).
        let fields: [String]
        let stage: Maturity.Stage?
        let modes: [TransferMode]
        let kind: AchievementKind?
        let dualUse: Bool
        /// The owning institution, which a per-institution limit counts against.
        public let owner: String?
    }

    /// A corpus of the regions and fields only.
    let taxonomy: Corpus
    /// The documents' facets, by local row.
    public let documents: [Document]

    /// The facets of `achievements` (in `corpus`).
    init(_ achievements: some Sequence<Achievement>, in corpus: Corpus, taxonomy: Corpus) {
        self.taxonomy = taxonomy
        documents = achievements.map { achievement in
            var fields: [String] = []
            for ancestor in achievement.fields.flatMap({ MetadataFit.fieldAncestors($0, in: corpus) }) where !fields.contains(ancestor) {
                fields.append(ancestor)
            }
            return Document(regions: achievement.region.map { RegionRelation.ancestors($0, corpus) } ?? [], fields: fields,
                            stage: achievement.maturity?.stage, modes: achievement.transferModes, kind: achievement.kind, dualUse: achievement.dualUse,
                            owner: achievement.owner)
        }
    }

    init(taxonomy: Corpus, documents: [Document]) {
        self.taxonomy = taxonomy
        self.documents = documents
    }

    /// Filters with names resolved against the taxonomy, as `FilterValues.resolve` does for a corpus.
    public func resolve(_ values: FilterValues) throws(FilterValues.UnknownValue) -> RecommendationFilters {
        try values.resolve(in: taxonomy)
    }

    /// Which local rows `filters` admits (its region, field, maturity, mode, kind and dual-use
    /// conditions; the limits and the score threshold belong to the whole list, not a shard).
    public func admitted(by filters: RecommendationFilters) -> [Bool] {
        let regions = CandidateFilter.allowedRegions(filters, corpus: taxonomy)
        let fields = Set(filters.fields)
        let modes = Set(filters.transferModes)
        return documents.map { document in
            if !filters.regions.isEmpty && !document.regions.contains(where: regions.contains) { return false }
            if !filters.fields.isEmpty && !document.fields.contains(where: fields.contains) { return false }
            if let minimum = filters.minimumMaturity {
                guard let stage = document.stage, stage >= minimum.stage else { return false }
            }
            if !modes.isEmpty && modes.isDisjoint(with: document.modes) { return false }
            if !filters.kinds.isEmpty { guard let kind = document.kind, filters.kinds.contains(kind) else { return false } }
            if let dualUse = filters.dualUse, document.dualUse != dualUse { return false }
            return true
        }
    }

    /// The facets as lines of JSON, one per document (the `facets` section of a shard file).
    var lines: String {
        documents.map { document in
            var members: [(String, JSONValue)] = [("r", .array(document.regions.map(JSONValue.string))), ("f", .array(document.fields.map(JSONValue.string)))]
            if let stage = document.stage { members.append(("m", .string(stage.name))) }
            members.append(("t", .array(document.modes.map { .string($0.rawValue) })))
            if let kind = document.kind { members.append(("k", .string(kind.rawValue))) }
            members.append(("d", .bool(document.dualUse)))
            if let owner = document.owner { members.append(("o", .string(owner))) }
            return JSONWriter.string(.object(members))
        }.joined(separator: "\n")
    }

    /// Reads the facets section's lines.
    ///
    /// - Throws: `DuijieError` naming `path` and the line that does not parse.
    static func documents(lines: [String], path: String) throws(DuijieError) -> [Document] {
        var documents: [Document] = []
        documents.reserveCapacity(lines.count)
        for (number, line) in lines.enumerated() {
            func strings(_ value: JSONValue?) -> [String]? {
                guard case .array(let items)? = value else { return nil }
                let texts = items.compactMap { item -> String? in if case .string(let text) = item { return text } else { return nil } }
                return texts.count == items.count ? texts : nil
            }
            guard let value = try? JSONParser.parse(line), let regions = strings(value["r"]), let fields = strings(value["f"]),
                  let modeNames = strings(value["t"]), case .bool(let dualUse)? = value["d"] else {
                throw DuijieError.index(path, "inconsistent: facets line \(number + 1) is malformed")
            }
            let modes = modeNames.compactMap(TransferMode.init(rawValue:))
            var stage: Maturity.Stage?
            if case .string(let name)? = value["m"] { stage = Maturity.Stage.allCases.first { $0.name == name } }
            var kind: AchievementKind?
            if case .string(let name)? = value["k"] { kind = AchievementKind(rawValue: name) }
            guard modes.count == modeNames.count, (value["m"] == nil) == (stage == nil), (value["k"] == nil) == (kind == nil) else {
                throw DuijieError.index(path, "inconsistent: facets line \(number + 1) has an unknown value")
            }
            var owner: String?
            if case .string(let id)? = value["o"] { owner = id }
            documents.append(Document(regions: regions, fields: fields, stage: stage, modes: modes, kind: kind, dualUse: dualUse, owner: owner))
        }
        return documents
    }
}
