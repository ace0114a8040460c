import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieServer
import DuijieShortlist
import DuijieWorkspace
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
    /// A workspace whose adopted weights (`duijie learn`) rank instead of the shipped ones.
    var learnedFrom: String? = nil

    private var target: RecommendationTarget { options.target ?? .achievement }
    private var language: Language { options.language ?? .zh }
    private var explain: Bool { options.explain }

    /// Checks the combination of arguments, and the recommender's source.
    func validate() throws {
        try source.validate()
        if [recordID != nil, text != nil, options.batch != nil, options.allDemands].filter({ $0 }).count != 1 {
            throw ValidationError("give exactly one of a record id, --text, --batch or --all-demands")
        }
        try CountLimits.check(top, "--top", in: CountLimits.results)
        if let output = options.output, ShortlistExport.Kind(path: output) == nil {
            throw ValidationError("-o \(output): the file name must end in .xlsx, .csv, .md or .json")
        }
    }

    /// Builds or loads the recommender, ranks, and prints or writes the shortlists.
    func run() throws {
        let recommender = try source.makeRecommender(analysis: analysis, wordExplanations: true)
        var weights: RecommendationWeights?
        if let learnedFrom {
            let learned = try Workspace(existing: learnedFrom).learnedWeights()[target]
            weights = learned?.weights
            printError(learned.map { "ranked by the weights of \(learnedFrom)'s learning run \($0.fit.id)" }
                       ?? "\(learnedFrom) has no adopted weights for \(target.rawValue): ranked by the shipped weights")
        }
        let sections = try self.sections(recommender, weights: weights, filters: try options.makeFilters(recommender.corpus))
        let table = ShortlistTable(corpus: recommender.corpus, target: target, chinese: language == .zh)
        if let output = options.output, let kind = ShortlistExport.Kind(path: output) {
            try ShortlistExport(table: table, explain: explain).write(sections, as: kind, to: output)
            let count = sections.count
            print(language == .zh ? "已写入 \(output)：\(count) 份清单" : "wrote \(output): \(count) shortlist\(count == 1 ? "" : "s")")
            return
        }
        let text = ShortlistText(table: table, explain: explain)
        switch format {
        case .table: for section in sections { print(section.title); printTable(section.results, table) }
        case .json: print(text.jsonLines(sections), terminator: "")
        case .csv: print(text.csv(sections, lineBreak: .lf), terminator: "")
        case .markdown: print(text.markdown(sections), terminator: "")
        case .trec:
            for section in sections {
                for (rank, result) in section.results.enumerated() {
                    print("\(section.queryID) Q0 \(result.id) \(rank + 1) \(result.score) duijie-\(target.rawValue)")
                }
            }
        }
    }

    /// The shortlists asked for: of a record, of a text, of each line of a batch file (a text,
    /// or a record id alone), or of every demand of the corpus.
    private func sections(_ recommender: Recommender, weights: RecommendationWeights?, filters: RecommendationFilters) throws -> [ShortlistSection] {
        let corpus = recommender.corpus
        func ofRecord(_ id: String) throws -> ShortlistSection {
            guard let results = recommender.recommend(for: id, target: target, top: top, weights: weights, filters: filters) else { throw missingRecord(id) }
            return ShortlistSection(queryID: id, title: "\(id) \(corpus.displayName(of: id))", results: results)
        }
        if let recordID { return [try ofRecord(recordID)] }
        if options.allDemands { return try corpus.demands.map { try ofRecord($0.id) } }
        if let batch = options.batch {
            return try QueryFile.load(batch, textRequired: false).map { query in
                guard let text = query.text else { return try ofRecord(query.id) }
                return ShortlistSection(queryID: query.id, title: "\(query.id) \(text)",
                                        results: recommender.recommend(text: text, target: target, top: top, weights: weights, filters: filters))
            }
        }
        let query = text ?? ""
        return [ShortlistSection(queryID: "text", title: query, results: recommender.recommend(text: query, target: target, top: top, weights: weights, filters: filters))]
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

    private func printTable(_ results: [Recommendation], _ table: ShortlistTable) {
        let corpus = table.corpus
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
                         TextTable.truncate(table.organizationOrLocation(of: result.id), width: 20), result.explanation.regionRelation.name(chinese: chinese)]
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
}
