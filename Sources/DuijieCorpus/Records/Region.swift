import DuijieJSON

/// A region of the hierarchy province → city → district/park, or a regional bloc (京津冀).
public struct Region: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The official name, such as 金普新区.
    public var name: String
    /// The level in the hierarchy.
    public var level: RegionLevel
    /// The enclosing region's id.
    public var parent: String?
    /// Other names: short forms and English names.
    public var aliases: [String]
    /// Ids of 对口合作 partner regions named on this record (pairing is symmetric).
    public var paired: [String]
    /// For a bloc, the ids of its member regions.
    public var members: [String]

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(id: String, name: String, level: RegionLevel, parent: String? = nil, aliases: [String], paired: [String], members: [String]) {
        self.id = id
        self.name = name
        self.level = level
        self.parent = parent
        self.aliases = aliases
        self.paired = paired
        self.members = members
    }
}

extension Region: CorpusRecord {
    static let recordKind = RecordKind.region
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        name = reader.requiredString("name")
        level = reader.enumeration("level", RegionLevel.self, required: true) ?? .province
        parent = reader.string("parent")
        aliases = reader.strings("aliases")
        paired = reader.strings("paired")
        members = reader.strings("members")
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        parent = resolution.resolve(parent, .region, field: "parent")
        paired = resolution.resolve(paired, .region, field: "paired")
        members = resolution.resolve(members, .region, field: "members")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("name", name)
        builder.add("level", level)
        builder.add("parent", parent)
        builder.add("aliases", aliases)
        builder.add("paired", paired)
        builder.add("members", members)
        return builder.object
    }
}
