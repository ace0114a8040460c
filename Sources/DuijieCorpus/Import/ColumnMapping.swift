import Foundation

/// What a spreadsheet column is to records of one kind.
enum ColumnMeaning: Equatable {
    /// The column gives this field.
    case field(String)
    /// The column names a field of other kinds of record (`预算`, a demand's budget, on an
    /// achievements sheet): each such kind with the field the column would give it.
    case fieldOfOtherKinds([RecordKind: String])
    /// No kind of record has a field of this name.
    case unknown
}

/// Maps spreadsheet header names (Chinese or English) to corpus field names, per record kind.
/// The table is the one documented in docs/corpus-format.md.
enum ColumnMapping {
    /// Headers that mean the same field whatever the kind (the kind may not have the field).
    private static let common: [String: String] = {
        var table: [String: String] = [:]
        func map(_ field: String, _ headers: [String]) { for header in headers { table[key(header)] = field } }
        map("id", ["id", "编号", "序号", "成果编号", "需求编号", "专家编号", "企业编号", "机构编号"])
        map("title", ["标题", "成果名称", "需求名称", "项目名称"])
        map("name", ["name", "姓名", "企业名称", "机构名称", "单位名称"])
        map("abstract", ["abstract", "摘要", "成果简介", "技术简介"])
        map("description", ["description", "描述", "需求描述", "需求内容", "企业简介", "机构简介"])
        map("bio", ["bio", "个人简介", "研究方向"])
        map("keywords", ["keywords", "关键词"])
        map("fields", ["fields", "领域", "技术领域", "所属领域", "行业", "所属行业"])
        map("kind", ["kind", "类型", "成果类型", "机构类型"])
        map("ipType", ["iptype", "知识产权类型"])
        map("maturity", ["maturity", "成熟度", "技术成熟度"])
        map("minMaturity", ["minmaturity", "最低成熟度", "成熟度要求"])
        map("transferModes", ["transfermodes", "转化方式", "合作方式", "转让方式"])
        map("licenceTypes", ["licencetypes", "许可方式", "许可类型"])
        map("price", ["price", "价格", "转让价格", "价格(万元)"])
        map("budget", ["budget", "预算", "预算(万元)", "拟投入资金"])
        map("owner", ["owner", "所有人", "权利人", "成果持有单位", "持有单位", "完成单位", "成果完成单位", "第一完成单位", "成果单位"])
        map("inventors", ["inventors", "发明人", "完成人"])
        map("institution", ["institution", "工作单位", "所在单位"])
        map("enterprise", ["enterprise", "企业", "需求企业", "发布企业", "需求单位", "需求方"])
        map("region", ["region", "地区", "所在地区", "区域"])
        map("aliases", ["aliases", "别名", "简称"])
        map("tags", ["tags", "标签", "企业标签"])
        map("system", ["system", "系统", "来源系统"])
        map("dualUse", ["dualuse", "军民两用"])
        map("date", ["date", "日期", "时间", "完成时间"])
        map("deadline", ["deadline", "截止日期", "截止时间"])
        map("from", ["from", "起点"])
        map("to", ["to", "终点"])
        map("weight", ["weight", "权重"])
        map("note", ["note", "备注"])
        map("level", ["level", "级别", "层级"])
        map("parent", ["parent", "上级"])
        map("synonyms", ["synonyms", "同义词"])
        map("paired", ["paired", "对口合作"])
        map("members", ["members", "成员"])
        map("dualUseDirection", ["dualusedirection", "军民方向"])
        map("confidential", ["confidential", "保密"])
        return table
    }()

    /// Headers that name the organisation a record belongs to (单位): an achievement's owner,
    /// an expert's institution, a demand's enterprise.
    private static let organisationHeaders: Set<String> = ["单位", "所属单位"]

    /// Normalizes a header: NFKC (full-width brackets become ASCII), no spaces, lower case.
    static func key(_ header: String) -> String {
        header.precomposedStringWithCompatibilityMapping
            .lowercased()
            .filter { !$0.isWhitespace }
    }

    /// The corpus field a header names for records of `kind` (which may not have that field:
    /// `预算` is `budget` on any sheet), or `nil` when it names none for this kind.
    static func field(forHeader header: String, kind: RecordKind) -> String? {
        let normalized = key(header)
        if organisationHeaders.contains(normalized) {
            switch kind {
            case .achievement: return "owner"
            case .expert: return "institution"
            case .demand: return "enterprise"
            default: return nil
            }
        }
        switch normalized {
        case "名称":
            return kind == .achievement || kind == .demand ? "title" : "name"
        case "简介":
            switch kind {
            case .achievement: return "abstract"
            case .expert: return "bio"
            default: return "description"
            }
        case "title":
            return "title"
        case "职称":
            return kind == .expert ? "title" : nil
        default:
            let field = common[normalized]
            // An expert's title is its 职称; the titles of achievements and demands are not.
            return kind == .expert && field == "title" ? nil : field
        }
    }

    /// What a header is to records of `kind`: one of its fields, a field only other kinds
    /// have, or nothing known.
    static func meaning(ofHeader header: String, kind: RecordKind) -> ColumnMeaning {
        if let field = field(forHeader: header, kind: kind), kind.fieldNames.contains(field) {
            return .field(field)
        }
        var others: [RecordKind: String] = [:]
        for other in RecordKind.allCases where other != kind {
            if let field = field(forHeader: header, kind: other), other.fieldNames.contains(field) {
                others[other] = field
            }
        }
        return others.isEmpty ? .unknown : .fieldOfOtherKinds(others)
    }
}
