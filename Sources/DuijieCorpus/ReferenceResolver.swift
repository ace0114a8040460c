import Foundation

/// What a reference field may point at.
enum ReferenceKind: Sendable {
    case region, field, institution, enterprise, expert
    /// An institution or an enterprise (an achievement's owner).
    case owner
    /// Any record with an id (a relation's ends).
    case any

    func accepts(_ kind: RecordKind) -> Bool {
        switch self {
        case .region: return kind == .region
        case .field: return kind == .field
        case .institution: return kind == .institution
        case .enterprise: return kind == .enterprise
        case .expert: return kind == .expert
        case .owner: return kind == .institution || kind == .enterprise
        case .any: return kind != .relation
        }
    }

    var article: String {
        switch self {
        case .region: return "a region"
        case .field: return "a field"
        case .institution: return "an institution"
        case .enterprise: return "an enterprise"
        case .expert: return "an expert"
        case .owner: return "an institution or enterprise"
        case .any: return "a record"
        }
    }

    /// Whether a name, alias or synonym may stand for the id.
    var acceptsNames: Bool {
        switch self {
        case .region, .field, .institution, .enterprise, .owner: return true
        case .expert, .any: return false
        }
    }
}

/// Resolves references as written (ids, names, aliases, synonyms) to record ids.
///
/// Names are matched after trimming, NFKC and case folding, so `Dalian` and `dalian` agree.
struct ReferenceResolver {
    private var kindByID: [String: RecordKind] = [:]
    private var idsByName: [String: [String]] = [:]
    /// Ids and name keys of records left out for their own errors, so a reference to one can say so.
    private var skippedKeys: Set<String> = []
    /// Whether the taxonomy files exist; without them, field and region values are free labels.
    let hasRegionTaxonomy: Bool
    let hasFieldTaxonomy: Bool

    init(hasRegionTaxonomy: Bool, hasFieldTaxonomy: Bool) {
        self.hasRegionTaxonomy = hasRegionTaxonomy
        self.hasFieldTaxonomy = hasFieldTaxonomy
    }

    static func nameKey(_ text: String) -> String {
        text.trimmingWhitespace.precomposedStringWithCompatibilityMapping.lowercased()
    }

    /// Makes `id` (of `kind`) resolvable, and through `names` when the kind allows names.
    mutating func register(id: String, kind: RecordKind, names: [String]) {
        guard !id.isEmpty, kindByID[id] == nil else { return }
        kindByID[id] = kind
        for name in Set(names.map(Self.nameKey)) where !name.isEmpty {
            idsByName[name, default: []].append(id)
        }
    }

    /// Remembers a record left out for its own errors, by id and names.
    mutating func registerSkipped(id: String, names: [String]) {
        skippedKeys.insert(id)
        for name in names { skippedKeys.insert(Self.nameKey(name)) }
    }

    /// Makes a registered record unresolvable, as left out: after a record is skipped, a
    /// reference to it says so.
    mutating func skip(id: String, kind: RecordKind, names: [String]) {
        if kindByID[id] == kind {
            kindByID[id] = nil
            for name in Set(names.map(Self.nameKey)) where !name.isEmpty {
                idsByName[name]?.removeAll { $0 == id }
            }
        }
        registerSkipped(id: id, names: names)
    }

    /// Whether `reference` names a record that was left out.
    func namesSkippedRecord(_ reference: String) -> Bool {
        skippedKeys.contains(reference) || skippedKeys.contains(Self.nameKey(reference))
    }

    /// The kind of the record with this id.
    func kind(of id: String) -> RecordKind? { kindByID[id] }

    enum Outcome {
        case resolved(String)
        case unchecked
        case unknown
        case ambiguous([String])
        case wrongKind(RecordKind)
    }

    func resolve(_ reference: String, as expected: ReferenceKind) -> Outcome {
        if (expected == .region && !hasRegionTaxonomy) || (expected == .field && !hasFieldTaxonomy) {
            return .unchecked
        }
        let exactKind = kindByID[reference]
        if let exactKind, expected.accepts(exactKind) { return .resolved(reference) }
        if expected.acceptsNames {
            let candidates = (idsByName[Self.nameKey(reference)] ?? []).filter { kindByID[$0].map(expected.accepts) ?? false }
            if candidates.count == 1 { return .resolved(candidates[0]) }
            if candidates.count > 1 { return .ambiguous(candidates.sorted()) }
        }
        if let exactKind { return .wrongKind(exactKind) }
        return .unknown
    }
}

/// Resolution of one record's references, collecting the problems found.
struct ReferenceResolution {
    let resolver: ReferenceResolver
    let location: SourceLocation
    private(set) var issues: [CorpusIssue] = []
    /// The ids that references resolved to, so that a record can be checked again when one of
    /// them is skipped.
    private(set) var resolvedIDs: [String] = []

    init(resolver: ReferenceResolver, location: SourceLocation) {
        self.resolver = resolver
        self.location = location
    }

    mutating func resolve(_ reference: String, _ kind: ReferenceKind, field: String) -> String {
        guard !reference.isEmpty else { return reference }  // already reported as missing
        switch resolver.resolve(reference, as: kind) {
        case .resolved(let id):
            resolvedIDs.append(id)
            return id
        case .unchecked: return reference
        case .unknown where resolver.namesSkippedRecord(reference):
            issues.append(CorpusIssue(.error, .danglingReference, at: location, field: field, "\"\(reference)\" names a record that was skipped for its own errors"))
        case .unknown:
            issues.append(CorpusIssue(.error, .danglingReference, at: location, field: field, "\"\(reference)\" does not name \(kind.article) in the corpus"))
        case .ambiguous(let ids):
            issues.append(CorpusIssue(.error, .ambiguousReference, at: location, field: field,
                                      "\"\(reference)\" is ambiguous: it names \(ids.joined(separator: ", ")); use the id"))
        case .wrongKind(let actual):
            issues.append(CorpusIssue(.error, .wrongReferenceKind, at: location, field: field,
                                      "\"\(reference)\" is \(actual.withArticle), expected \(kind.article)"))
        }
        return reference
    }

    mutating func resolve(_ reference: String?, _ kind: ReferenceKind, field: String) -> String? {
        reference.map { resolve($0, kind, field: field) }
    }

    mutating func resolve(_ references: [String], _ kind: ReferenceKind, field: String) -> [String] {
        var result: [String] = []
        for reference in references {
            let id = resolve(reference, kind, field: field)
            if !result.contains(id) { result.append(id) }
        }
        return result
    }
}
