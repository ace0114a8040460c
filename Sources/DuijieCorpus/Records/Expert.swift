import DuijieJSON

/// A researcher who stands behind achievements; belongs to an institution.
public struct Expert: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The name.
    public var name: String
    /// Other spellings, such as the name in pinyin.
    public var aliases: [String]
    /// The id of the employing institution.
    public var institution: String
    /// The professional title (职称).
    public var title: String?
    /// The id of the region; defaults to the institution's.
    public var region: String?
    /// The ids of the expert's fields.
    public var fields: [String]
    /// Research interests and past projects.
    public var bio: String?

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(id: String, name: String, aliases: [String], institution: String, title: String? = nil, region: String? = nil, fields: [String], bio: String? = nil) {
        self.id = id
        self.name = name
        self.aliases = aliases
        self.institution = institution
        self.title = title
        self.region = region
        self.fields = fields
        self.bio = bio
    }
}

extension Expert: CorpusRecord {
    static let recordKind = RecordKind.expert
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        name = reader.requiredString("name")
        aliases = reader.strings("aliases")
        institution = reader.requiredString("institution")
        title = reader.string("title")
        region = reader.string("region")
        fields = reader.strings("fields")
        bio = reader.string("bio")
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        institution = resolution.resolve(institution, .institution, field: "institution")
        region = resolution.resolve(region, .region, field: "region")
        fields = resolution.resolve(fields, .field, field: "fields")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("aliases", aliases)
        builder.add("institution", institution)
        builder.add("title", title)
        builder.add("region", region)
        builder.add("fields", fields)
        builder.add("bio", bio)
        return builder.object
    }
}
