import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation
/// `duijie recommend`: the broker's explained shortlist of achievements or experts.
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend achievements or experts for a demand (or text): fused, filtered, explained.",
        discussion: """
        Scores add text (TF-IDF), semantic (LSA) and graph (personalized PageRank) similarity to
        region, field, maturity, transfer-mode and budget fit, with weights fitted on the demo
        judgments (`duijie bench recommender`). The source may be any record: a demand (→
        achievements, experts, institutions), an achievement (→ demands, enterprises), an expert,
        an institution or an enterprise. Examples:
          duijie recommend D-1012 --corpus Corpus/demo --explain
          duijie recommend D-1012 --corpus Corpus/demo --target expert --region 辽宁省 --include-paired
          duijie recommend --text "海参养殖 溶解氧" --corpus Corpus/demo --max-per-institution 1
          duijie recommend A-4003 --corpus Corpus/demo --target enterprise
          duijie recommend D-1012 --index demo.index --explain
        """
    )

    @Argument(help: "The id of a demand, achievement, expert, institution or enterprise in the corpus.") var demandID: String?
    @Option(help: "Free text instead of a demand.") var text: String?
    @OptionGroup var source: RecommenderSource
    @Option(help: "How many results.") var top = 10
    @OptionGroup var shortlist: ShortlistOptions
    @Option(help: "Output format: table, json, csv, markdown or trec.") var format: Format = .table
    @OptionGroup var analysis: AnalysisOptions

    typealias Language = ShortlistOptions.Language
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, trec }

    private var target: RecommendationTarget { shortlist.target ?? .achievement }
    private var language: Language { shortlist.language ?? .zh }
    private var explain: Bool { shortlist.explain }

    func validate() throws {
        if [demandID != nil, text != nil, shortlist.batch != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give exactly one of a record id, --text or --batch")
        }
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let recommender = try source.makeRecommender(analysis: analysis)
        let loaded = recommender.corpus
        let filters = try shortlist.makeFilters(loaded)
        if let batch = shortlist.batch {
            let queries: [QueryFile.Query]
            do { queries = try QueryFile.load(batch) } catch {
                printError(error.description)
                throw ExitCode.failure
            }
            if format == .csv { print(csvHeader) }
            for query in queries {
                emit(recommender.recommend(text: query.text, target: target, top: top, filters: filters), loaded, queryID: query.id)
            }
            return
        }
        let results: [Recommendation]
        if let demandID {
            guard let found = recommender.recommend(for: demandID, target: target, top: top, filters: filters) else {
                printError("\(demandID): no demand, achievement, expert, institution or enterprise with this id in \(source.name)")
                throw ExitCode.failure
            }
            results = found
            if format == .table || format == .markdown { print("\(demandID) \(loaded.displayName(of: demandID))") }
        } else {
            results = recommender.recommend(text: text ?? "", target: target, top: top, filters: filters)
            if format == .table || format == .markdown { print(text ?? "") }
        }
        if format == .csv { print(csvHeader) }
        emit(results, loaded, queryID: demandID ?? "text")
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

    private var csvHeader: String {
        (["query", "rank", "score", "id", "name", "organization", "region"] + Recommendation.Feature.allCases.map { $0.name(chinese: false) }
            + ["matched_terms", "path"]).joined(separator: ",")
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break (RFC 4180).
    private func cell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    private func printCSV(_ results: [Recommendation], _ corpus: Corpus, queryID: String) {
        let chinese = language == .zh
        for (rank, result) in results.enumerated() {
            let fields = [queryID, String(rank + 1), String(format: "%.4f", result.score), result.id, corpus.displayName(of: result.id),
                          owner(result.id, corpus), result.regionRelation.name(chinese: chinese)]
                + result.features.map { String(format: "%.4f", $0) }
                + [result.matchedTerms.map(\.term).joined(separator: " "), (result.path ?? []).map(corpus.displayName(of:)).joined(separator: " → ")]
            print(fields.map(cell).joined(separator: ","))
        }
    }

    private func printMarkdown(_ results: [Recommendation], _ corpus: Corpus) {
        let chinese = language == .zh
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        print(chinese ? "| # | 得分 | 编号 | 名称 | 单位 | 地区 | 匹配词 |" : "| # | score | id | name | organization | region | matched terms |")
        print("|---|---|---|---|---|---|---|")
        for (rank, result) in results.enumerated() {
            print("| \(rank + 1) | \(String(format: "%.3f", result.score)) | \(result.id) | \(escape(corpus.displayName(of: result.id))) | \(escape(owner(result.id, corpus))) | \(result.regionRelation.name(chinese: chinese)) | \(escape(result.matchedTerms.map(\.term).joined(separator: " "))) |")
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
        var rows = [["#", chinese ? "得分" : "score", "id", chinese ? "名称" : "name", organization, chinese ? "地区" : "region"]]
        for (rank, result) in results.enumerated() {
            rows.append([String(rank + 1), String(format: "%.3f", result.score), result.id, TextTable.truncate(corpus.displayName(of: result.id), width: 34),
                         TextTable.truncate(owner(result.id, corpus), width: 20), result.regionRelation.name(chinese: chinese)])
        }
        let lines = TextTable.render(rows, rightAligned: [0, 1]).split(separator: "\n", omittingEmptySubsequences: false)
        print(lines[0])
        for (index, result) in results.enumerated() {
            print(lines[index + 1])
            guard explain else { continue }
            let features = Recommendation.Feature.allCases.map { "\($0.name(chinese: chinese)) \(String(format: "%.2f", result.features[$0.rawValue]))" }
            print("     " + features.joined(separator: " · "))
            if !result.matchedTerms.isEmpty {
                print("     " + (chinese ? "匹配词: " : "terms: ") + result.matchedTerms.map(\.term).joined(separator: " "))
            }
            if let path = result.path, path.count > 1 {
                print("     " + (chinese ? "关联路径: " : "path: ") + path.map { TextTable.truncate(corpus.displayName(of: $0), width: 16) }.joined(separator: " → "))
            }
        }
    }

    private func printJSON(_ results: [Recommendation], _ corpus: Corpus, queryID: String) {
        for (rank, result) in results.enumerated() {
            var members: [(key: String, value: JSONValue)] = [
                ("query", .string(queryID)), ("rank", .number(Double(rank + 1))), ("id", .string(result.id)), ("score", .number(Double(result.score))),
                ("name", .string(corpus.displayName(of: result.id))), ("regionRelation", .string(result.regionRelation.name(chinese: false))),
                ("features", .object(Recommendation.Feature.allCases.map { ($0.name(chinese: false), .number(Double(result.features[$0.rawValue]))) })),
                ("matchedTerms", .array(result.matchedTerms.map { .string($0.term) })),
            ]
            if let path = result.path { members.append(("path", .array(path.map { .string($0) }))) }
            print(JSONWriter.string(.object(members)))
        }
    }
}
