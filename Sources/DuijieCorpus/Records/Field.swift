import DuijieJSON

/// An industry or technology field of the taxonomy, with its synonyms (集成电路 = 芯片).
public struct Field: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The preferred name.
    public var name: String
    /// The broader field's id.
    public var parent: String?
    /// Other names, Chinese and English.
    public var synonyms: [String]

    /// A field.
    public init(id: String, name: String, parent: String? = nil, synonyms: [String] = []) {
        self.id = id
        self.name = name
        self.parent = parent
        self.synonyms = synonyms
    }
}

extension Field: CorpusRecord {
    static let recordKind = RecordKind.field
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        name = reader.requiredString("name")
        parent = reader.string("parent")
        synonyms = reader.strings("synonyms")
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        parent = resolution.resolve(parent, .field, field: "parent")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("parent", parent)
        builder.add("synonyms", synonyms)
        return builder.object
    }
}
