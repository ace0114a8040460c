import DuijieCorpus
import DuijieRanking
import Foundation

/// One query's shortlist as a client reads it: the source's title, then a row per result with
/// the record's details and the reasons. CSV, Markdown and .xlsx output are made from it.
public struct ShortlistSection: Sendable {
    /// The query's id (a record id, "text", or the batch line's id).
    public let queryID: String
    /// What is shown above the table: the source record's id and name, or the query text.
    public let title: String
    /// The results, best first.
    public let results: [Recommendation]

    /// A shortlist under its query's id and title.
    public init(queryID: String, title: String, results: [Recommendation]) {
        self.queryID = queryID
        self.title = title
        self.results = results
    }
}

/// A cell of a shortlist table: text, or a number kept as a number (spreadsheets sort by it).
public enum ShortlistCell: Sendable {
    case text(String)
    case number(Double, format: String)

    /// The cell as text (numbers in their format).
    public var text: String {
        switch self {
        case .text(let value): return value
        case .number(let value, let format): return String(format: format, value)
        }
    }
}

/// The columns of a client shortlist, their headers in one language, and each result's cells.
public struct ShortlistTable {
    public let corpus: Corpus
    public let target: RecommendationTarget
    public let chinese: Bool

    /// The table of results of `target` records of `corpus`, labelled in Chinese or English.
    public init(corpus: Corpus, target: RecommendationTarget, chinese: Bool) {
        self.corpus = corpus
        self.target = target
        self.chinese = chinese
    }

    /// The features listed as columns: those the recommender computes.
    private static let features = RankingConfiguration.recommender.features

    /// Column headers, unique, in the report's language.
    public var header: [String] {
        let names: [(String, String)] = [
            ("排名", "rank"), ("得分", "score"), ("编号", "id"), ("名称", "name"), (organizationHeader.zh, organizationHeader.en),
            ("所在地", "location"), ("地区关系", "region relation"), ("成熟度", "maturity"), ("转化方式", "transfer modes"),
            ("报价（万元）", "price (10k CNY)"), ("预算（万元）", "budget (10k CNY)"), ("简介", "summary"), ("理由", "reasons"),
            ("匹配词", "matched terms"), ("关联路径", "path"), ("弱匹配", "weak match"),
        ]
        // Feature scores are named apart from the details (成熟度 the stage, 成熟度得分 the fit).
        return names.map { chinese ? $0.0 : $0.1 } + Self.features.map { $0.name(chinese: chinese) + (chinese ? "得分" : " score") }
    }

    private var organizationHeader: (zh: String, en: String) {
        switch target {
        case .achievement: return ("完成单位", "owner")
        case .expert: return ("所在单位", "institution")
        case .demand: return ("需求企业", "enterprise")
        case .institution, .enterprise: return ("类型", "kind")
        }
    }

    /// The cells of every result, in header order.
    public func rows(_ results: [Recommendation]) -> [[ShortlistCell]] {
        results.enumerated().map { rank, result in row(rank + 1, result) }
    }

    private func row(_ rank: Int, _ result: Recommendation) -> [ShortlistCell] {
        let id = result.id
        let explanation = result.explanation
        let details = self.details(id)
        let reasons = explanation.reasons.map { $0.sentence(chinese: chinese) }.joined(separator: "\n")
        let path = (explanation.path ?? []).map(corpus.displayName(of:)).joined(separator: " → ")
        let weak = explanation.reasons.contains(.weakMatch) ? (chinese ? "是" : "yes") : ""
        func amount(_ value: Double?) -> ShortlistCell { value.map { .number($0, format: "%g") } ?? .text("") }
        return [.number(Double(rank), format: "%.0f"), .number(Double(result.score), format: "%.4f"), .text(id),
                .text(corpus.displayName(of: id)), .text(details.organization), .text(details.location),
                .text(explanation.regionRelation.name(chinese: chinese)), .text(details.maturity), .text(details.modes),
                amount(details.price), amount(details.budget), .text(details.summary), .text(reasons),
                .text(explanation.matchedTerms.map(\.term).joined(separator: " ")), .text(path), .text(weak)]
            + Self.features.map { .number(Double(result.features[$0]), format: "%.4f") }
    }

    /// The organization a terminal table shows beside a result: the owner, institution or
    /// enterprise; for an institution or an enterprise, where it is.
    public func organizationOrLocation(of id: String) -> String {
        let details = self.details(id)
        return target == .institution || target == .enterprise ? details.location : details.organization
    }

    /// What a client wants to know of a record, by kind.
    private func details(_ id: String) -> (organization: String, location: String, maturity: String, modes: String, price: Double?,
                                           budget: Double?, summary: String) {
        func name(_ id: String?) -> String { id.map(corpus.displayName(of:)) ?? "" }
        func modes(_ list: [TransferMode]) -> String {
            list.map { chinese ? $0.chineseNames[0] : $0.rawValue }.joined(separator: chinese ? "、" : ", ")
        }
        func stage(_ maturity: Maturity?) -> String {
            guard let maturity else { return "" }
            return chinese ? maturity.stage.chineseName : maturity.stage.name
        }
        let location = name(corpus.regionOfRecord(id))
        if let achievement = corpus.achievement(id) {
            return (name(achievement.owner), location, stage(achievement.maturity), modes(achievement.transferModes), achievement.price, nil,
                    achievement.abstract ?? "")
        }
        if let demand = corpus.demand(id) {
            return (name(demand.enterprise), location, stage(demand.minMaturity), modes(demand.transferModes), nil, demand.budget,
                    demand.description ?? "")
        }
        if let expert = corpus.expert(id) {
            return (name(expert.institution), location, "", "", nil, nil, [expert.title, expert.bio].compactMap { $0 }.joined(separator: "；"))
        }
        if let institution = corpus.institution(id) {
            return (chinese ? institution.kind.chineseNames[0] : institution.kind.rawValue, location, "", "", nil, nil, "")
        }
        return ("", location, "", "", nil, nil, "")
    }
}
