import DuijieJSON

/// The kinds of record a corpus holds, each with its file.
public enum RecordKind: String, Sendable, Hashable, CaseIterable {
    case region, field, institution, expert, enterprise, achievement, demand, relation

    /// The file of this kind inside a corpus directory.
    public var fileName: String {
        switch self {
        case .region: return "taxonomy/regions.jsonl"
        case .field: return "taxonomy/fields.jsonl"
        case .institution: return "institutions.jsonl"
        case .expert: return "experts.jsonl"
        case .enterprise: return "enterprises.jsonl"
        case .achievement: return "achievements.jsonl"
        case .demand: return "demands.jsonl"
        case .relation: return "relations.jsonl"
        }
    }

    /// The singular name with its article, for messages: "an expert", "a demand".
    public var withArticle: String {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (vowels.contains(rawValue.first!) ? "an " : "a ") + rawValue
    }

    /// The plural name used in summaries.
    public var pluralName: String {
        switch self {
        case .region: return "regions"
        case .field: return "fields"
        case .institution: return "institutions"
        case .expert: return "experts"
        case .enterprise: return "enterprises"
        case .achievement: return "achievements"
        case .demand: return "demands"
        case .relation: return "relations"
        }
    }
}

/// A record type of the corpus format.
protocol CorpusRecord: Sendable {
    /// The kind, which names the file.
    static var recordKind: RecordKind { get }
    /// The record's id; relations have none.
    var recordID: String? { get }
    /// Decodes the record, leaving problems in the reader.
    init(reading reader: inout RecordReader)
    /// Replaces each reference as written by the id it resolves to, reporting those that do not.
    mutating func resolveReferences(_ resolution: inout ReferenceResolution)
    /// The canonical JSON form, as written by the CSV importer.
    var jsonValue: JSONValue { get }
}

/// Builds a JSON object in a fixed key order, leaving out absent and empty values so written
/// records stay short.
struct JSONObjectBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    mutating func add(_ key: String, _ value: String?) {
        if let value { members.append((key, .string(value))) }
    }

    mutating func add(_ key: String, _ values: [String]) {
        if !values.isEmpty { members.append((key, .array(values.map(JSONValue.string)))) }
    }

    mutating func add(_ key: String, _ value: Double?) {
        if let value { members.append((key, .number(value))) }
    }

    mutating func add(_ key: String, flag: Bool) {
        if flag { members.append((key, .bool(true))) }
    }

    mutating func add<Value: CorpusEnumeration>(_ key: String, _ value: Value?) {
        add(key, value?.rawValue)
    }

    mutating func add<Value: CorpusEnumeration>(_ key: String, _ values: [Value]) {
        add(key, values.map(\.rawValue))
    }

    mutating func add(_ key: String, _ value: Maturity?) {
        if let value { members.append((key, value.jsonValue)) }
    }

    mutating func add(_ key: String, _ value: CorpusDate?) {
        add(key, value?.description)
    }

    var object: JSONValue { .object(members) }
}
