import Foundation

/// Maps spreadsheet header names (Chinese or English) to corpus field names, per record kind.
/// The table is the one documented in docs/corpus-format.md.
enum ColumnMapping {
    /// Headers that mean the same field in every kind.
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
        map("price", ["price", "价格", "转让价格", "价格(万元)"])
        map("budget", ["budget", "预算", "预算(万元)", "拟投入资金"])
        map("owner", ["owner", "所有人", "权利人", "成果持有单位", "完成单位"])
        map("inventors", ["inventors", "发明人", "完成人"])
        map("institution", ["institution", "单位", "工作单位", "所在单位"])
        map("enterprise", ["enterprise", "企业", "需求企业", "发布企业"])
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

    /// Normalizes a header: NFKC (full-width brackets become ASCII), no spaces, lower case.
    static func key(_ header: String) -> String {
        header.precomposedStringWithCompatibilityMapping
            .lowercased()
            .filter { !$0.isWhitespace }
    }

    /// The corpus field a header names for records of `kind`, or `nil` when it names none.
    static func field(forHeader header: String, kind: RecordKind) -> String? {
        let normalized = key(header)
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
            return common[normalized]
        }
    }
}
