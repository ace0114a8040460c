import DuijieJSON

/// An enterprise's technical demand (企业技术需求): a problem it wants solved.
public struct Demand: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The id of the enterprise that posts it.
    public var enterprise: String
    /// The title.
    public var title: String
    /// The technical problem, in the enterprise's words.
    public var description: String?
    /// Keywords.
    public var keywords: [String]
    /// The ids of its fields.
    public var fields: [String]
    /// The budget in 万元 (10,000 CNY).
    public var budget: Double?
    /// The date by which it should be solved.
    public var deadline: CorpusDate?
    /// The transfer modes the enterprise accepts.
    public var transferModes: [TransferMode]
    /// The kinds of licence the enterprise would take (exclusive, sole, non-exclusive), when
    /// `transferModes` includes `licence` and it said which.
    public var licenceTypes: [LicenceType]
    /// The least maturity the enterprise can use.
    public var minMaturity: Maturity?
    /// The id of the region; defaults to the enterprise's.
    public var region: String?
    /// Whether the demand must stay inside the programme.
    public var confidential: Bool

    /// A record from its fields, as they would be after loading (references already resolved).
    public init(id: String, enterprise: String, title: String, description: String? = nil, keywords: [String], fields: [String], budget: Double? = nil, deadline: CorpusDate? = nil, transferModes: [TransferMode], licenceTypes: [LicenceType] = [], minMaturity: Maturity? = nil, region: String? = nil, confidential: Bool) {
        self.id = id
        self.enterprise = enterprise
        self.title = title
        self.description = description
        self.keywords = keywords
        self.fields = fields
        self.budget = budget
        self.deadline = deadline
        self.transferModes = transferModes
        self.licenceTypes = licenceTypes
        self.minMaturity = minMaturity
        self.region = region
        self.confidential = confidential
    }
}

extension Demand {
    /// The demand as one query text: title, keywords and description.
    public var queryText: String {
        ([title] + keywords + [description ?? ""]).joined(separator: "。")
    }
}

extension Demand: CorpusRecord {
    static let recordKind = RecordKind.demand
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        enterprise = reader.requiredString("enterprise")
        title = reader.requiredString("title")
        description = reader.string("description")
        keywords = reader.strings("keywords", slashSeparates: false)
        fields = reader.strings("fields")
        budget = reader.money("budget")
        deadline = reader.date("deadline")
        (transferModes, licenceTypes) = reader.transferModes("transferModes", licenceKey: "licenceTypes")
        minMaturity = reader.maturity("minMaturity")
        region = reader.string("region")
        confidential = reader.bool("confidential")
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        enterprise = resolution.resolve(enterprise, .enterprise, field: "enterprise")
        fields = resolution.resolve(fields, .field, field: "fields")
        region = resolution.resolve(region, .region, field: "region")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("enterprise", enterprise)
        builder.add("title", title)
        builder.add("description", description)
        builder.add("keywords", keywords)
        builder.add("fields", fields)
        builder.add("budget", budget)
        builder.add("deadline", deadline)
        builder.add("transferModes", transferModes)
        builder.add("licenceTypes", licenceTypes)
        builder.add("minMaturity", minMaturity)
        builder.add("region", region)
        builder.add("confidential", flag: confidential)
        return builder.object
    }
}
