import DuijieJSON

/// A company that posts technical demands.
public struct Enterprise: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The registered name.
    public var name: String
    /// Short and English names.
    public var aliases: [String]
    /// The id of the region where it is.
    public var region: String
    /// The ids of its industries.
    public var fields: [String]
    /// Tags such as 高新技术企业 or 专精特新.
    public var tags: [EnterpriseTag]
    /// Products, scale and needs.
    public var description: String?

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(id: String, name: String, aliases: [String], region: String, fields: [String], tags: [EnterpriseTag], description: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.region = region
        self.fields = fields
        self.tags = tags
        self.description = description
    }
}

extension Enterprise: CorpusRecord {
    static let recordKind = RecordKind.enterprise
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        name = reader.requiredString("name")
        aliases = reader.strings("aliases")
        region = reader.requiredString("region")
        fields = reader.strings("fields")
        tags = reader.enumerations("tags", EnterpriseTag.self)
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
        builder.add("region", region)
        builder.add("fields", fields)
        builder.add("tags", tags)
        builder.add("description", description)
        return builder.object
    }
}
