import DuijieJSON

/// A university, institute, transfer agency, incubator, investor or bank.
public struct Institution: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The official name.
    public var name: String
    /// Short and English names.
    public var aliases: [String]
    /// What kind of institution it is.
    public var kind: InstitutionKind
    /// The system it belongs to (中科系, 高校系 …).
    public var system: SourceSystem?
    /// The id of the region where it is.
    public var region: String?
    /// The ids of its fields of strength.
    public var fields: [String]
    /// Free text.
    public var description: String?

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(id: String, name: String, aliases: [String], kind: InstitutionKind, system: SourceSystem? = nil, region: String? = nil, fields: [String], description: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.kind = kind
        self.system = system
        self.region = region
        self.fields = fields
        self.description = description
    }
}

extension Institution: CorpusRecord {
    static let recordKind = RecordKind.institution
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        name = reader.requiredString("name")
        aliases = reader.strings("aliases")
        kind = reader.enumeration("kind", InstitutionKind.self, required: true) ?? .other
        system = reader.enumeration("system", SourceSystem.self)
        region = reader.string("region")
        fields = reader.strings("fields")
        description = reader.string("description")
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        region = resolution.resolve(region, .region, field: "region")
        fields = resolution.resolve(fields, .field, field: "fields")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("aliases", aliases)
        builder.add("kind", kind)
        builder.add("system", system)
        builder.add("region", region)
        builder.add("fields", fields)
        builder.add("description", description)
        return builder.object
    }
}
