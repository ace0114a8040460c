/// How a technology changes hands (转化方式).
public enum TransferMode: String, CorpusEnumeration {
    case assignment, licence, equity
    case jointDevelopment = "joint-development"
    case commissioned, service, pledge

    public static let enumerationName = "transfer mode"
    public var chineseNames: [String] {
        switch self {
        case .assignment: return ["转让", "技术转让", "专利转让"]
        case .licence: return ["许可", "技术许可", "专利许可", "license"]
        case .equity: return ["作价入股", "技术入股", "入股"]
        case .jointDevelopment: return ["合作开发", "联合开发"]
        case .commissioned: return ["委托开发", "横向委托", "委托研发"]
        case .service: return ["技术服务", "技术咨询", "服务"]
        case .pledge: return ["质押", "知识产权质押"]
        }
    }
}

/// The kind of a licence (许可方式): who besides the licensee may use the technology. Kept
/// beside the `licence` transfer mode, so that 独占许可 and 普通许可 are not both just "licence".
public enum LicenceType: String, CorpusEnumeration {
    /// Only the licensee may use it, not even the owner (独占许可).
    case exclusive
    /// The licensee and the owner may use it, no one else (排他许可).
    case sole
    /// The owner may license it to others as well (普通许可).
    case nonExclusive = "non-exclusive"

    public static let enumerationName = "licence type"
    public var chineseNames: [String] {
        switch self {
        case .exclusive: return ["独占许可", "独占实施许可", "独占"]
        case .sole: return ["排他许可", "排他实施许可", "排他"]
        case .nonExclusive: return ["普通许可", "普通实施许可", "非独占许可", "一般许可", "普通"]
        }
    }
}

/// What an achievement is (成果类型).
public enum AchievementKind: String, CorpusEnumeration {
    case patent, paper, software, process, variety, product, standard, other

    public static let enumerationName = "achievement kind"
    public var chineseNames: [String] {
        switch self {
        case .patent: return ["专利"]
        case .paper: return ["论文"]
        case .software: return ["软件"]
        case .process: return ["工艺", "技术工艺"]
        case .variety: return ["品种", "新品种"]
        case .product: return ["产品", "新产品"]
        case .standard: return ["标准"]
        case .other: return ["其他"]
        }
    }
}

/// The intellectual property that protects an achievement (知识产权类型).
public enum IPType: String, CorpusEnumeration {
    case inventionPatent = "invention-patent"
    case utilityModel = "utility-model"
    case softwareCopyright = "software-copyright"
    case plantVariety = "plant-variety"
    case knowHow = "know-how"
    case none

    public static let enumerationName = "IP type"
    public var chineseNames: [String] {
        switch self {
        case .inventionPatent: return ["发明专利"]
        case .utilityModel: return ["实用新型", "实用新型专利"]
        case .softwareCopyright: return ["软件著作权", "软著"]
        case .plantVariety: return ["植物新品种", "新品种权"]
        case .knowHow: return ["技术秘密", "专有技术"]
        case .none: return ["无"]
        }
    }
}

/// The kind of an institution (机构类型).
public enum InstitutionKind: String, CorpusEnumeration {
    case university, institute
    case newRDInstitute = "new-rd-institute"
    case transferAgency = "transfer-agency"
    case incubator
    case makerSpace = "maker-space"
    case ruralMakerSpace = "rural-maker-space"
    case sciencePark = "science-park"
    case pilotBase = "pilot-base"
    case investor, bank, other

    public static let enumerationName = "institution kind"
    public var chineseNames: [String] {
        switch self {
        case .university: return ["高校", "大学"]
        case .institute: return ["科研院所", "研究所", "研究院"]
        case .newRDInstitute: return ["新型研发机构"]
        case .transferAgency: return ["技术转移机构", "技术转移中心"]
        case .incubator: return ["孵化器", "科技企业孵化器"]
        case .makerSpace: return ["众创空间"]
        case .ruralMakerSpace: return ["星创天地"]
        case .sciencePark: return ["大学科技园", "科技园"]
        case .pilotBase: return ["中试基地"]
        case .investor: return ["投资机构", "基金"]
        case .bank: return ["银行"]
        case .other: return ["其他"]
        }
    }
}

/// The system a source of supply belongs to (来源系统: 中科系, 高校系 …).
public enum SourceSystem: String, CorpusEnumeration {
    case cas, university
    case centralSOE = "central-soe"
    case international, local, other

    public static let enumerationName = "source system"
    public var chineseNames: [String] {
        switch self {
        case .cas: return ["中科系", "中科院"]
        case .university: return ["高校系"]
        case .centralSOE: return ["央企系", "央企"]
        case .international: return ["国际系", "国际"]
        case .local: return ["地方"]
        case .other: return ["其他"]
        }
    }
}

/// A tag on an enterprise (企业标签).
public enum EnterpriseTag: String, CorpusEnumeration {
    case highTech = "high-tech"
    case techSME = "tech-sme"
    case specialized
    case militaryCivil = "military-civil"
    case stateOwned = "state-owned"
    case listed

    public static let enumerationName = "enterprise tag"
    public var chineseNames: [String] {
        switch self {
        case .highTech: return ["高新技术企业", "高新企业"]
        case .techSME: return ["科技型中小企业"]
        case .specialized: return ["专精特新", "专精特新企业"]
        case .militaryCivil: return ["军民融合企业", "军民融合"]
        case .stateOwned: return ["国有企业", "国企"]
        case .listed: return ["上市公司"]
        }
    }
}

/// The direction of a dual-use (军民两用) technology.
public enum DualUseDirection: String, CorpusEnumeration {
    case militaryToCivil = "military-to-civil"
    case civilToMilitary = "civil-to-military"

    public static let enumerationName = "dual-use direction"
    public var chineseNames: [String] {
        switch self {
        case .militaryToCivil: return ["军转民"]
        case .civilToMilitary: return ["民参军"]
        }
    }
}

/// The kind of a relation between two records.
public enum RelationKind: String, CorpusEnumeration {
    case cooperated, contracted
    case memberOf = "member-of"
    case metAtEvent = "met-at-event"
    case consulted, invested

    public static let enumerationName = "relation kind"
    public var chineseNames: [String] {
        switch self {
        case .cooperated: return ["合作"]
        case .contracted: return ["技术合同", "签约"]
        case .memberOf: return ["成员"]
        case .metAtEvent: return ["对接会"]
        case .consulted: return ["咨询"]
        case .invested: return ["投资"]
        }
    }
}

/// The level of a region in the hierarchy.
public enum RegionLevel: String, CorpusEnumeration {
    case bloc, province, city, district, park

    public static let enumerationName = "region level"
    public var chineseNames: [String] {
        switch self {
        case .bloc: return ["区域板块"]
        case .province: return ["省"]
        case .city: return ["市"]
        case .district: return ["区县", "区"]
        case .park: return ["园区"]
        }
    }
}
