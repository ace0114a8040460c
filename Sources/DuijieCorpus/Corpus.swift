/// A loaded, validated corpus: every record of every kind, with references resolved to ids.
///
/// Records keep the order of their files. Look-ups by id are O(1).
public struct Corpus: Sendable {
    /// Regions of the taxonomy.
    public let regions: [Region]
    /// Fields of the taxonomy.
    public let fields: [Field]
    /// Institutions.
    public let institutions: [Institution]
    /// Experts.
    public let experts: [Expert]
    /// Enterprises.
    public let enterprises: [Enterprise]
    /// Achievements.
    public let achievements: [Achievement]
    /// Demands.
    public let demands: [Demand]
    /// Relations.
    public let relations: [Relation]

    /// Each record's kind and position in its array. Visible to inlined look-ups: the ranking
    /// module reads single fields of records (`corpus.achievement(id)?.region`) per candidate,
    /// and inlined, such a read copies one field instead of the whole record. Measured on the
    /// demo corpus (`DuijieBench latency --batch 0 --queries 2000`, four runs): shortlist p50
    /// 2.39 ms with opaque look-ups across the module boundary, 2.07 ms inlined, as before the
    /// corpus had a module of its own.
    @usableFromInline let positionByID: [String: (kind: RecordKind, index: Int)]

    /// Creates a corpus from records whose ids are unique and whose references resolve.
    public init(
        regions: [Region] = [], fields: [Field] = [], institutions: [Institution] = [],
        experts: [Expert] = [], enterprises: [Enterprise] = [], achievements: [Achievement] = [],
        demands: [Demand] = [], relations: [Relation] = []
    ) {
        self.regions = regions
        self.fields = fields
        self.institutions = institutions
        self.experts = experts
        self.enterprises = enterprises
        self.achievements = achievements
        self.demands = demands
        self.relations = relations
        var positions: [String: (kind: RecordKind, index: Int)] = [:]
        func index(_ ids: [String], _ kind: RecordKind) {
            for (offset, id) in ids.enumerated() where positions[id] == nil { positions[id] = (kind, offset) }
        }
        index(regions.map(\.id), .region)
        index(fields.map(\.id), .field)
        index(institutions.map(\.id), .institution)
        index(experts.map(\.id), .expert)
        index(enterprises.map(\.id), .enterprise)
        index(achievements.map(\.id), .achievement)
        index(demands.map(\.id), .demand)
        positionByID = positions
    }

    /// The number of records of `kind`.
    public func count(of kind: RecordKind) -> Int {
        switch kind {
        case .region: return regions.count
        case .field: return fields.count
        case .institution: return institutions.count
        case .expert: return experts.count
        case .enterprise: return enterprises.count
        case .achievement: return achievements.count
        case .demand: return demands.count
        case .relation: return relations.count
        }
    }

    /// The kind of the record with `id`, or `nil` when there is none.
    @inlinable public func kind(of id: String) -> RecordKind? { positionByID[id]?.kind }

    /// The region with `id`.
    @inlinable public func region(_ id: String) -> Region? { record(id, .region, in: regions) }
    /// The field with `id`.
    @inlinable public func field(_ id: String) -> Field? { record(id, .field, in: fields) }
    /// The institution with `id`.
    @inlinable public func institution(_ id: String) -> Institution? { record(id, .institution, in: institutions) }
    /// The expert with `id`.
    @inlinable public func expert(_ id: String) -> Expert? { record(id, .expert, in: experts) }
    /// The enterprise with `id`.
    @inlinable public func enterprise(_ id: String) -> Enterprise? { record(id, .enterprise, in: enterprises) }
    /// The achievement with `id`.
    @inlinable public func achievement(_ id: String) -> Achievement? { record(id, .achievement, in: achievements) }
    /// The demand with `id`.
    @inlinable public func demand(_ id: String) -> Demand? { record(id, .demand, in: demands) }

    @inlinable func record<Record>(_ id: String, _ kind: RecordKind, in records: [Record]) -> Record? {
        guard let position = positionByID[id], position.kind == kind else { return nil }
        return records[position.index]
    }

    /// The id of the province (or bloc, or top region) that contains region `id`, following parents.
    public func topRegion(of id: String) -> String {
        var current = id
        var steps = 0
        while let parent = region(current)?.parent, steps < regions.count {
            current = parent
            steps += 1
        }
        return current
    }
}

extension Corpus {
    /// The id of the region named `text` (its id, name or an alias), or `nil`.
    public func regionID(named text: String) -> String? {
        if region(text) != nil { return text }
        return regions.first { $0.name == text || $0.aliases.contains(text) }?.id
    }

    /// The id of the field named `text` (its id, name or a synonym), or `nil`.
    public func fieldID(named text: String) -> String? {
        if field(text) != nil { return text }
        return fields.first { $0.name == text || $0.synonyms.contains(text) }?.id
    }

    /// A short human name for any record: a title, a name, or the id itself.
    public func displayName(of id: String) -> String {
        switch kind(of: id) {
        case .region: return region(id)?.name ?? id
        case .field: return field(id)?.name ?? id
        case .institution: return institution(id)?.name ?? id
        case .expert: return expert(id)?.name ?? id
        case .enterprise: return enterprise(id)?.name ?? id
        case .achievement: return achievement(id)?.title ?? id
        case .demand: return demand(id)?.title ?? id
        case .relation, nil: return id
        }
    }
}
