import DuijieCorpus

/// One reason for (or against) a recommendation that a broker can read to a client: what the
/// budget, maturity, transfer modes, fields and regions of the two sides say. Only reasons
/// that apply are given: no maturity for an expert, no budget when either side names none.
public enum Reason: Sendable, Equatable {
    /// The demand's budget and the achievement's asking price, both in 万元.
    case budget(budget: Double, price: Double)
    /// The maturity the demand requires and the one the achievement has.
    case maturity(required: Maturity.Stage, offered: Maturity.Stage)
    /// The transfer modes the demand wants and the achievement offers.
    case transferModes(wanted: [TransferMode], offered: [TransferMode])
    /// Fields both sides list (names), else related fields (a broader or narrower one, or a
    /// sibling), as "the query's field / the candidate's field".
    case fields(shared: [String], related: [String])
    /// How the regions relate, and the region that says it: the one both are in, or the
    /// candidate's.
    case region(RegionRelation, name: String)
    /// Both the text and the semantic similarity are low: the record is on the list for other
    /// reasons (its field, region or links), not for what it is about.
    case weakMatch

    /// The reason as one sentence in Chinese or in English.
    public func sentence(chinese: Bool) -> String {
        switch self {
        case .budget(let budget, let price):
            let verdict = price <= budget ? (chinese ? "在预算内" : "within budget")
                : price <= 1.5 * budget ? (chinese ? "略超预算" : "a little over budget") : (chinese ? "超出预算" : "over budget")
            return chinese ? "需求预算 \(Self.amount(budget)) 万元，成果报价 \(Self.amount(price)) 万元（\(verdict)）"
                : "budget \(Self.amount(budget)) and asking price \(Self.amount(price)) (10k CNY): \(verdict)"
        case .maturity(let required, let offered):
            let met = offered >= required
            if chinese {
                return "需求要求\(required.chineseName)以上，成果处于\(offered.chineseName)阶段" + (met ? "" : "（未达到）")
            }
            return "the demand requires \(required.name) or later; the achievement is at \(offered.name)" + (met ? "" : " (not yet)")
        case .transferModes(let wanted, let offered):
            let shared = wanted.filter(offered.contains)
            func list(_ modes: [TransferMode]) -> String {
                modes.map { chinese ? $0.chineseNames[0] : $0.rawValue }.joined(separator: chinese ? "、" : ", ")
            }
            if !shared.isEmpty { return chinese ? "转化方式相符：\(list(shared))" : "transfer modes agree: \(list(shared))" }
            return chinese ? "转化方式不同：需求要\(list(wanted))，成果提供\(list(offered))"
                : "transfer modes differ: the demand wants \(list(wanted)), the achievement offers \(list(offered))"
        case .fields(let shared, let related):
            if !shared.isEmpty { return chinese ? "同属 \(shared.joined(separator: "、"))" : "same field: \(shared.joined(separator: ", "))" }
            return chinese ? "相关领域：\(related.joined(separator: "、"))" : "related fields: \(related.joined(separator: ", "))"
        case .region(let relation, let name):
            return "\(relation.name(chinese: chinese))\(chinese ? "（" : " (")\(name)\(chinese ? "）" : ")")"
        case .weakMatch:
            return chinese ? "弱匹配：文本与语义相似度都低，入选主要因为领域、地区或关联" : "weak match: little text or semantic similarity; listed for its field, region or links"
        }
    }

    /// An amount without a needless ".0".
    private static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.1f", value)
    }
}

extension Maturity.Stage {
    /// The stage's usual Chinese name (实验室, 中试, 熟化, 产业化).
    public var chineseName: String {
        switch self {
        case .lab: return "实验室"
        case .pilot: return "中试"
        case .maturation: return "熟化"
        case .industrialization: return "产业化"
        }
    }
}
