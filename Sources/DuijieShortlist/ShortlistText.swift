import DuijieCorpus
import DuijieJSON
import DuijieRanking

/// Shortlists as CSV, Markdown or JSON lines, for standard output or a file.
public struct ShortlistText {
    public let table: ShortlistTable
    /// Whether Markdown shows the reasons, matched terms and paths.
    public let explain: Bool

    /// Text of `table`'s shortlists; with `explain`, Markdown shows the reasons.
    public init(table: ShortlistTable, explain: Bool) {
        self.table = table
        self.explain = explain
    }

    private var chinese: Bool { table.chinese }

    /// CSV: a query column, then the table's columns; one header line for all shortlists.
    public func csv(_ sections: [ShortlistSection], lineBreak: CSVText.LineBreak) -> String {
        let rows = [[chinese ? "查询" : "query"] + table.header]
            + sections.flatMap { section in table.rows(section.results).map { [section.queryID] + $0.map(\.text) } }
        return CSVText.render(rows, lineBreak: lineBreak, neutralizingFormulas: true)
    }

    /// Markdown: a heading per shortlist, a table under it; with `explain`, the reasons,
    /// matched terms and path as columns.
    public func markdown(_ sections: [ShortlistSection]) -> String {
        let escape = MarkdownText.cell
        let corpus = table.corpus
        var lines: [String] = []
        for section in sections {
            lines += ["## " + escape(section.title), ""]
            guard !section.results.isEmpty else {
                lines += [chinese ? "没有符合条件的结果" : "no result passes the filters", ""]
                continue
            }
            var header = chinese ? ["#", "得分", "编号", "名称", "单位", "地区"] : ["#", "score", "id", "name", "organization", "region"]
            if explain { header += chinese ? ["理由", "匹配词", "关联路径"] : ["reasons", "matched terms", "path"] }
            lines.append("| " + header.joined(separator: " | ") + " |")
            lines.append("|" + String(repeating: "---|", count: header.count))
            let rows = table.rows(section.results)
            for (result, row) in zip(section.results, rows) {
                let explanation = result.explanation
                var cells = [row[0].text, String(format: "%.3f", result.score), result.id, corpus.displayName(of: result.id), row[4].text,
                             explanation.regionRelation.name(chinese: chinese) + (explanation.reasons.contains(.weakMatch) ? (chinese ? "（弱匹配）" : " (weak match)") : "")]
                if explain {
                    cells += [explanation.reasons.filter { $0 != .weakMatch }.map { $0.sentence(chinese: chinese) }.joined(separator: "；"),
                              explanation.matchedTerms.map(\.term).joined(separator: " "),
                              (explanation.path ?? []).map(corpus.displayName(of:)).joined(separator: " → ")]
                }
                lines.append("| " + cells.map(escape).joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object per result: query, rank, id, score, name, region relation, every
    /// feature, matched terms, reasons (in the report's language), the weak-match flag, the path.
    public func jsonLines(_ sections: [ShortlistSection]) -> String {
        let features = RankingConfiguration.recommender.features
        var lines: [String] = []
        for section in sections {
            for (rank, result) in section.results.enumerated() {
                var members: [(key: String, value: JSONValue)] = [
                    ("query", .string(section.queryID)), ("rank", .number(Double(rank + 1))), ("id", .string(result.id)),
                    ("score", .number(Double(result.score))), ("name", .string(table.corpus.displayName(of: result.id))),
                    ("regionRelation", .string(result.explanation.regionRelation.name(chinese: false))),
                    ("features", .object(features.map { ($0.name(chinese: false), .number(Double(result.features[$0]))) })),
                    ("matchedTerms", .array(result.explanation.matchedTerms.map { .string($0.term) })),
                    ("reasons", .array(result.explanation.reasons.map { .string($0.sentence(chinese: chinese)) })),
                    ("weakMatch", .bool(result.explanation.reasons.contains(.weakMatch))),
                ]
                if let path = result.explanation.path { members.append(("path", .array(path.map { .string($0) }))) }
                lines.append(JSONWriter.string(.object(members)))
            }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}
