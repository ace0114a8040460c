/// The type of a technology contract, as contract registration counts them.
public enum ContractType: String, Sendable, CaseIterable, Codable {
    case development, transfer, licence, consulting, service, brokerage

    /// The type's name in Chinese (技术开发 …).
    public var chineseName: String {
        switch self {
        case .development: return "技术开发"
        case .transfer: return "技术转让"
        case .licence: return "技术许可"
        case .consulting: return "技术咨询"
        case .service: return "技术服务"
        case .brokerage: return "技术中介"
        }
    }
}

/// What kind of party sells or buys: the seller's kind is one of the bulletin's breakdowns.
public enum PartyKind: String, Sendable, CaseIterable, Codable {
    case enterprise, institute, university, individual, other

    /// The kind's name in Chinese (企业 …).
    public var chineseName: String {
        switch self {
        case .enterprise: return "企业"
        case .institute: return "科研院所"
        case .university: return "高等院校"
        case .individual: return "个人"
        case .other: return "其他"
        }
    }
}

/// The kind of intellectual property a contract is about.
public enum IPType: String, Sendable, CaseIterable, Codable {
    case patent
    case knowHow = "know-how"
    case software
    case icLayout = "ic-layout"
    case plantVariety = "plant-variety"
    case other

    /// The type's name in Chinese (专利 …).
    public var chineseName: String {
        switch self {
        case .patent: return "专利"
        case .knowHow: return "技术秘密"
        case .software: return "计算机软件著作权"
        case .icLayout: return "集成电路布图设计"
        case .plantVariety: return "植物新品种"
        case .other: return "其他"
        }
    }
}

/// Values of the enumerations above read from a code or a Chinese name.
protocol NamedInChinese: RawRepresentable, CaseIterable where RawValue == String {
    var chineseName: String { get }
}

extension NamedInChinese {
    /// The value for a code (`licence`) or a Chinese name (`技术许可`), or nil.
    public init?(parsing text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let value = Self(rawValue: text) ?? Self.allCases.first(where: { $0.chineseName == text }) else { return nil }
        self = value
    }

    /// The codes and Chinese names accepted, for error messages.
    static var acceptedNames: String {
        allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", ")
    }
}

extension ContractType: NamedInChinese {}
extension PartyKind: NamedInChinese {}
extension IPType: NamedInChinese {}

/// A broker credited with a deal, and the fee they earned (万元).
public struct DealBroker: Sendable, Equatable, Codable {
    /// The broker's login.
    public let login: String
    /// The fee, in 10,000 CNY (万元).
    public let fee: Double

    /// A broker's share of a deal.
    public init(login: String, fee: Double) {
        self.login = login
        self.fee = fee
    }
}

/// A deal (成交): a technology contract signed, as registration records it, and where it came
/// from (a case, one of its results). Values are in 10,000 CNY (万元); dates are `YYYY-MM-DD`.
public struct Deal: Sendable, Equatable, Codable {
    /// The database id (0 before it is saved).
    public var id: Int64 = 0
    /// The contract's type (技术开发 …).
    public var contractType: ContractType
    /// The registration number (登记号), or empty when not registered yet.
    public var registrationNumber: String = ""
    /// The day of registration, or nil.
    public var registeredOn: String? = nil
    /// The day of signing.
    public var signedOn: String
    /// The contract's value (成交额), in 万元.
    public var value: Double
    /// The seller: a corpus record's id or a name.
    public var seller: String
    /// What kind of party the seller is.
    public var sellerKind: PartyKind
    /// The buyer: a corpus record's id or a name.
    public var buyer: String
    /// What kind of party the buyer is.
    public var buyerKind: PartyKind
    /// The technical field (a corpus field id or a name).
    public var field: String = ""
    /// The seller's region (province → city, as the corpus names regions).
    public var sellerRegion: String = ""
    /// The buyer's region.
    public var buyerRegion: String = ""
    /// The kind of intellectual property the contract is about.
    public var ipType: IPType
    /// The brokers credited, with their fees.
    public var brokers: [DealBroker] = []
    /// The case it came from, or nil.
    public var caseID: Int64? = nil
    /// The case's result it came from (a record id), or nil.
    public var resultRecordID: String? = nil
    /// The event meeting it came from, or nil.
    public var meetingID: Int64? = nil

    /// The province of the seller's region as entered: the text up to its first 省, 自治区 or
    /// 特别行政区, or a municipality (北京市, 天津市, 上海市, 重庆市) it starts with; the whole
    /// text when it names none of these (a city alone, English).
    public var sellerProvince: String {
        for municipality in ["北京市", "天津市", "上海市", "重庆市"] where sellerRegion.hasPrefix(municipality) { return municipality }
        let ends = ["省", "自治区", "特别行政区"].compactMap { sellerRegion.range(of: $0) }
        guard let first = ends.min(by: { $0.lowerBound < $1.lowerBound }) else { return sellerRegion }
        return String(sellerRegion[..<first.upperBound])
    }

    /// A deal with its required fields; the others are set as properties.
    public init(contractType: ContractType, signedOn: String, value: Double, seller: String, sellerKind: PartyKind,
                buyer: String, buyerKind: PartyKind, ipType: IPType) {
        self.contractType = contractType
        self.signedOn = signedOn
        self.value = value
        self.seller = seller
        self.sellerKind = sellerKind
        self.buyer = buyer
        self.buyerKind = buyerKind
        self.ipType = ipType
    }
}
