import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import Foundation

/// One run of the recommender from the command line — the query (a record id, a text or a batch
/// file), where the recommender comes from, the options — and its output in every format.
/// `duijie recommend` and `duijie match` (with any recommender option) both run one.
struct ShortlistReport {
    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, trec }
    typealias Language = ShortlistOptions.Language

    let recordID: String?
    let text: String?
    let source: RecommenderLocation
    let top: Int
    let options: ShortlistOptions
    let format: Format
    let analysis: AnalysisOptions

    private var target: RecommendationTarget { options.target ?? .achievement }
    private var language: Language { options.language ?? .zh }
    private var explain: Bool { options.explain }

    /// Checks the combination of arguments, and the recommender's source.
    func validate() throws {
        try source.validate()
        if [recordID != nil, text != nil, options.batch != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give exactly one of a record id, --text or --batch")
        }
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    /// Builds or loads the recommender, ranks, and prints.
    func run() throws {
        let recommender = try source.makeRecommender(analysis: analysis, wordExplanations: true)
        let loaded = recommender.corpus
        let filters = try options.makeFilters(loaded)
        if let batch = options.batch {
            let queries: [QueryFile.Query] = try QueryFile.load(batch)
            if format == .csv { print(csvHeader) }
            for query in queries {
                emit(recommender.recommend(text: query.text, target: target, top: top, filters: filters), loaded, queryID: query.id)
            }
            return
        }
        let results: [Recommendation]
        if let recordID {
            guard let found = recommender.recommend(for: recordID, target: target, top: top, filters: filters) else {
                throw missingRecord(recordID)
            }
            results = found
            if format == .table || format == .markdown { print("\(recordID) \(loaded.displayName(of: recordID))") }
        } else {
            results = recommender.recommend(text: text ?? "", target: target, top: top, filters: filters)
            if format == .table || format == .markdown { print(text ?? "") }
        }
        if format == .csv { print(csvHeader) }
        emit(results, loaded, queryID: recordID ?? "text")
    }

    /// The error for a record id the recommender does not hold; from an index, it says
    /// whether the corpus changed since the index was built (the id may be newer than the index).
    private func missingRecord(_ id: String) -> DuijieError {
        let message = "\(id): no demand, achievement, expert, institution or enterprise with this id in \(source.name)"
        guard let index = source.index, let provenance = try? RecommenderIndex.provenance(index) else {
            return DuijieError(.invalidInput, message)
        }
        if provenance.corpusChanged { return DuijieError(.invalidInput, message + "; " + provenance.staleAdvice(index: index)) }
        let origin = provenance.corpusDirectory.map { ", nor in the corpus \($0) it was built from" } ?? ""
        return DuijieError(.invalidInput, message + origin)
    }

    private func emit(_ results: [Recommendation], _ corpus: Corpus, queryID: String) {
        switch format {
        case .table: printTable(results, corpus)
        case .json: printJSON(results, corpus, queryID: queryID)
        case .csv: printCSV(results, corpus, queryID: queryID)
        case .markdown: printMarkdown(results, corpus)
        case .trec:
            for (rank, result) in results.enumerated() { print("\(queryID) Q0 \(result.id) \(rank + 1) \(result.score) duijie-\(target.rawValue)") }
        }
    }

    /// The features a shortlist lists: those the recommender computes.
    private static let features = RankingConfiguration.recommender.features

    private var csvHeader: String {
        let header = ["query", "rank", "score", "id", "name", "organization", "region"] + Self.features.map { $0.name(chinese: false) }
            + ["matched_terms", "path"]
        return String(CSVText.render([header], lineBreak: .lf).dropLast())
    }

    private func printCSV(_ results: [Recommendation], _ corpus: Corpus, queryID: String) {
        let chinese = language == .zh
        let rows = results.enumerated().map { rank, result in
            [queryID, String(rank + 1), String(format: "%.4f", result.score), result.id, corpus.displayName(of: result.id),
                          owner(result.id, corpus), result.explanation.regionRelation.name(chinese: chinese)]
                + Self.features.map { String(format: "%.4f", result.features[$0]) }
                + [result.explanation.matchedTerms.map(\.term).joined(separator: " "), (result.explanation.path ?? []).map(corpus.displayName(of:)).joined(separator: " → ")]
        }
        print(CSVText.render(rows, lineBreak: .lf), terminator: "")
    }

    private func printMarkdown(_ results: [Recommendation], _ corpus: Corpus) {
        let chinese = language == .zh
        let escape = MarkdownText.cell
        print(chinese ? "| # | 得分 | 编号 | 名称 | 单位 | 地区 | 匹配词 |" : "| # | score | id | name | organization | region | matched terms |")
        print("|---|---|---|---|---|---|---|")
        for (rank, result) in results.enumerated() {
            print("| \(rank + 1) | \(String(format: "%.3f", result.score)) | \(result.id) | \(escape(corpus.displayName(of: result.id))) | \(escape(owner(result.id, corpus))) | \(result.explanation.regionRelation.name(chinese: chinese)) | \(escape(result.explanation.matchedTerms.map(\.term).joined(separator: " "))) |")
        }
    }

    private func owner(_ id: String, _ corpus: Corpus) -> String {
        let organization: String?
        switch target {
        case .achievement: organization = corpus.achievement(id)?.owner
        case .expert: organization = corpus.expert(id)?.institution
        case .demand: organization = corpus.demand(id)?.enterprise
        case .institution, .enterprise: organization = corpus.institution(id)?.region ?? corpus.enterprise(id)?.region
        }
        return organization.map(corpus.displayName(of:)) ?? ""
    }

    private func printTable(_ results: [Recommendation], _ corpus: Corpus) {
        let chinese = language == .zh
        if results.isEmpty {
            print(chinese ? "没有符合条件的结果" : "no result passes the filters")
            return
        }
        let located = target == .institution || target == .enterprise
        let organization = located ? (chinese ? "所在地" : "location") : target == .demand ? (chinese ? "企业" : "enterprise") : (chinese ? "单位" : "institution")
        let flagsWeak = results.contains { $0.explanation.reasons.contains(.weakMatch) }
        var rows = [["#", chinese ? "得分" : "score", "id", chinese ? "名称" : "name", organization, chinese ? "地区" : "region"]
            + (flagsWeak ? [chinese ? "备注" : "note"] : [])]
        for (rank, result) in results.enumerated() {
            let weak = result.explanation.reasons.contains(.weakMatch)
            rows.append([String(rank + 1), String(format: "%.3f", result.score), result.id, TextTable.truncate(corpus.displayName(of: result.id), width: 34),
                         TextTable.truncate(owner(result.id, corpus), width: 20), result.explanation.regionRelation.name(chinese: chinese)]
                + (flagsWeak ? [weak ? (chinese ? "弱匹配" : "weak match") : ""] : []))
        }
        let lines = TextTable.render(rows, rightAligned: [0, 1]).split(separator: "\n", omittingEmptySubsequences: false)
        print(lines[0])
        for (index, result) in results.enumerated() {
            print(lines[index + 1])
            guard explain else { continue }
            let features = result.explanation.applicableFeatures.map { "\($0.name(chinese: chinese)) \(String(format: "%.2f", result.features[$0]))" }
            print("     " + features.joined(separator: " · "))
            for reason in result.explanation.reasons { print("     " + reason.sentence(chinese: chinese)) }
            if !result.explanation.matchedTerms.isEmpty {
                print("     " + (chinese ? "匹配词: " : "terms: ") + result.explanation.matchedTerms.map(\.term).joined(separator: " "))
            }
            if let path = result.explanation.path, path.count > 1 {
                print("     " + (chinese ? "关联路径: " : "path: ") + path.map { TextTable.truncate(corpus.displayName(of: $0), width: 16) }.joined(separator: " → "))
            }
        }
    }

    private func printJSON(_ results: [Recommendation], _ corpus: Corpus, queryID: String) {
        for (rank, result) in results.enumerated() {
            var members: [(key: String, value: JSONValue)] = [
                ("query", .string(queryID)), ("rank", .number(Double(rank + 1))), ("id", .string(result.id)), ("score", .number(Double(result.score))),
                ("name", .string(corpus.displayName(of: result.id))), ("regionRelation", .string(result.explanation.regionRelation.name(chinese: false))),
                ("features", .object(Self.features.map { ($0.name(chinese: false), .number(Double(result.features[$0]))) })),
                ("matchedTerms", .array(result.explanation.matchedTerms.map { .string($0.term) })),
                ("reasons", .array(result.explanation.reasons.map { .string($0.sentence(chinese: language == .zh)) })),
                ("weakMatch", .bool(result.explanation.reasons.contains(.weakMatch))),
            ]
            if let path = result.explanation.path { members.append(("path", .array(path.map { .string($0) }))) }
            print(JSONWriter.string(.object(members)))
        }
    }
}
