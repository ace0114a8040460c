import DuijieJSON

/// A historical link between two records: cooperation, a contract, a membership, a meeting at
/// an event, a consultation or an investment.
public struct Relation: Sendable, Hashable {
    /// The id of the record the relation starts at.
    public var from: String
    /// The id of the record the relation ends at.
    public var to: String
    /// What kind of relation it is.
    public var kind: RelationKind
    /// Its strength, > 0 (default 1).
    public var weight: Double
    /// When it happened.
    public var date: CorpusDate?
    /// Free text.
    public var note: String?

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(from: String, to: String, kind: RelationKind, weight: Double, date: CorpusDate? = nil, note: String? = nil) {
        self.from = from
        self.to = to
        self.kind = kind
        self.weight = weight
        self.date = date
        self.note = note
    }
}

extension Relation: CorpusRecord {
    static let recordKind = RecordKind.relation
    var recordID: String? { nil }

    init(reading reader: inout RecordReader) {
        from = reader.requiredString("from")
        to = reader.requiredString("to")
        kind = reader.enumeration("kind", RelationKind.self, required: true) ?? .cooperated
        weight = reader.number("weight", minimum: 0, exclusive: true) ?? 1
        date = reader.date("date")
        note = reader.string("note")
        if !from.isEmpty && from == to {
            reader.error("to", "a relation must join two different records")
        }
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        from = resolution.resolve(from, .any, field: "from")
        to = resolution.resolve(to, .any, field: "to")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("from", from)
        builder.add("to", to)
        builder.add("kind", kind)
        builder.add("weight", weight == 1 ? nil : weight)
        builder.add("date", date)
        builder.add("note", note)
        return builder.object
    }
}
