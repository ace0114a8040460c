import DuijieJSON

/// A technology achievement (科技成果): a patent, paper, piece of software, process, variety or
/// product on offer for transfer.
public struct Achievement: Sendable, Hashable {
    /// The unique id.
    public var id: String
    /// The title.
    public var title: String
    /// The abstract or description.
    public var abstract: String?
    /// Keywords.
    public var keywords: [String]
    /// The ids of its fields.
    public var fields: [String]
    /// What it is.
    public var kind: AchievementKind?
    /// The intellectual property protecting it.
    public var ipType: IPType?
    /// How far it is from the market.
    public var maturity: Maturity?
    /// The transfer modes the owner accepts.
    public var transferModes: [TransferMode]
    /// The kinds of licence offered (exclusive, sole, non-exclusive), when `transferModes`
    /// includes `licence` and the owner said which.
    public var licenceTypes: [LicenceType]
    /// The asking price in 万元 (10,000 CNY).
    public var price: Double?
    /// The id of the owning institution or enterprise.
    public var owner: String?
    /// The ids of the inventors (experts).
    public var inventors: [String]
    /// The id of the region; defaults to the owner's.
    public var region: String?
    /// Whether it is a dual-use (军民两用) technology.
    public var dualUse: Bool
    /// The direction of a dual-use technology.
    public var dualUseDirection: DualUseDirection?
    /// Filing, publication or completion date.
    public var date: CorpusDate?

    /// An achievement with only an id, a title and a text, as a plain document file gives it.
    public init(id: String, title: String, abstract: String?) {
        self.id = id
        self.title = title
        self.abstract = abstract
        keywords = []
        fields = []
        transferModes = []
        licenceTypes = []
        inventors = []
        dualUse = false
    }
}

extension Achievement: CorpusRecord {
    static let recordKind = RecordKind.achievement
    var recordID: String? { id }

    init(reading reader: inout RecordReader) {
        id = reader.identifier("id") ?? ""
        title = reader.requiredString("title")
        abstract = reader.string("abstract")
        keywords = reader.strings("keywords", slashSeparates: false)
        fields = reader.strings("fields")
        kind = reader.enumeration("kind", AchievementKind.self)
        ipType = reader.enumeration("ipType", IPType.self)
        maturity = reader.maturity("maturity")
        (transferModes, licenceTypes) = reader.transferModes("transferModes", licenceKey: "licenceTypes")
        price = reader.money("price")
        owner = reader.string("owner")
        inventors = reader.strings("inventors")
        region = reader.string("region")
        dualUse = reader.bool("dualUse")
        dualUseDirection = reader.enumeration("dualUseDirection", DualUseDirection.self)
        date = reader.date("date")
        if dualUseDirection != nil && !dualUse {
            reader.error("dualUseDirection", "given, but dualUse is not true")
        }
    }

    mutating func resolveReferences(_ resolution: inout ReferenceResolution) {
        fields = resolution.resolve(fields, .field, field: "fields")
        owner = resolution.resolve(owner, .owner, field: "owner")
        inventors = resolution.resolve(inventors, .expert, field: "inventors")
        region = resolution.resolve(region, .region, field: "region")
    }

    package var jsonValue: JSONValue {
        var builder = JSONObjectBuilder()
        builder.add("id", id)
        builder.add("title", title)
        builder.add("abstract", abstract)
        builder.add("keywords", keywords)
        builder.add("fields", fields)
        builder.add("kind", kind)
        builder.add("ipType", ipType)
        builder.add("maturity", maturity)
        builder.add("transferModes", transferModes)
        builder.add("licenceTypes", licenceTypes)
        builder.add("price", price)
        builder.add("owner", owner)
        builder.add("inventors", inventors)
        builder.add("region", region)
        builder.add("dualUse", flag: dualUse)
        builder.add("dualUseDirection", dualUseDirection)
        builder.add("date", date)
        return builder.object
    }
}
