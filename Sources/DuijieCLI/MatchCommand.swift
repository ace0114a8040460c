import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation

/// `duijie match`: rank a corpus's achievements for a demand or a free text.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Rank achievements for a demand (by id) or a free text, with the matched terms.",
        discussion: """
        Examples:
          duijie match --text "需要一种废旧锂电池回收技术" --corpus Corpus/demo
          duijie match D-1012 --corpus Corpus/demo --top 5 --weighting bm25
          duijie match D-1012 --corpus Corpus/demo --target expert --explain
        Scores are TF-IDF cosines (or BM25 scores); each result lists the shared terms that \
        contribute most. With any of the recommender's options (--target, the filters, \
        --max-per-institution, --diversity, --explain, --language, --batch) or --format csv, \
        markdown or trec, the result is the recommender's fused shortlist, exactly as \
        `duijie recommend` with the same arguments; the text-only options (--weighting, \
        --ranking, --lexical-weight, --weights, --threads, --no-cache) then do not apply. Options \
        that cannot take effect are warned about on standard error (--dimensions with lexical \
        ranking, with --index, or at or above the number of documents; --lexical-weight without \
        fused ranking).
        """
    )

    @Argument(help: "The id of a demand in the corpus.")
    var demandID: String?

    @Option(help: "Free text to match instead of a demand.")
    var text: String?

    @Option(help: "The corpus directory (or a plain document file).")
    var corpus: String?

    @Option(help: "A saved index (`duijie index`) to rank from instead of a corpus (its LSA dimensions apply).")
    var index: String?

    @Flag(help: "Do not read or write the cached index in the corpus's .duijie/ folder.")
    var noCache = false

    @Option(help: "How many results.")
    var top = 10

    @Option(help: "Output format: table or json; csv, markdown and trec give the recommender's shortlist.")
    var format: ShortlistReport.Format = .table

    @OptionGroup var rankingOptions: RankingOptions

    @OptionGroup(title: "Recommender options (any of them gives the recommender's shortlist, as `duijie recommend`)")
    var shortlist: ShortlistOptions

    @OptionGroup var analysis: AnalysisOptions

    /// Whether the recommender ranks (any of its options, or an output only it writes).
    private var usesRecommender: Bool { shortlist.isUsed || ![.table, .json].contains(format) }

    /// The recommender's run for these arguments, as `duijie recommend` would make it.
    private var shortlistReport: ShortlistReport {
        let source = RecommenderLocation(corpus: corpus, index: index, dimensions: rankingOptions.dimensions ?? 64)
        return ShortlistReport(recordID: demandID, text: text, source: source, top: top, options: shortlist, format: format, analysis: analysis)
    }

    func validate() throws {
        if usesRecommender {
            let textOnly = [("--weighting", rankingOptions.weighting != .tfidf), ("--ranking", rankingOptions.ranking != .lexical),
                            ("--lexical-weight", rankingOptions.lexicalWeight != 0.5), ("--weights", rankingOptions.weights != nil),
                            ("--threads", rankingOptions.threads != nil), ("--no-cache", noCache)].filter(\.1).map(\.0)
            if !textOnly.isEmpty {
                throw ValidationError("\(textOnly.joined(separator: ", ")) \(textOnly.count == 1 ? "applies" : "apply") to text matching only; with the recommender's options, match ranks as `duijie recommend`")
            }
            try shortlistReport.validate()
            return
        }
        if (demandID == nil) == (text == nil) {
            throw ValidationError("give either a demand id or --text, not both")
        }
        if (corpus == nil) == (index == nil) {
            throw ValidationError("give either --corpus or --index")
        }
        if index != nil && rankingOptions.ranking == .learned {
            throw ValidationError("--ranking learned needs --corpus: a saved index holds no word or expanded-query BM25 index")
        }
        try CountLimits.check(top, "--top", in: CountLimits.results)
    }

    func run() throws {
        if usesRecommender {
            try shortlistReport.run()
            return
        }
        for warning in rankingOptions.ignoredOptionWarnings(fromIndex: index != nil) { printError("warning: " + warning) }
        if let index, let demandID {
            // A demand's text comes from the records a recommender index holds.
            let recommender: Recommender = try RecommenderIndex.load(index)
            guard let demand = recommender.corpus.demand(demandID) else {
                throw DuijieError(.invalidInput, "\(demandID): no demand with this id in \(index)")
            }
            let results = recommender.achievements.match(demand: demand, top: top, ranking: rankingOptions.mode)
            let title = { (id: String) in recommender.corpus.achievement(id)?.title ?? "" }
            printResults(results, title: title, query: "\(demand.id) \(demand.title)")
            return
        }
        if let index, try LiveIndex.hasUpdates(index) {
            // An updated index: its achievements are the base's with the segments applied.
            let recommender: Recommender = try RecommenderIndex.load(index)
            let query = text ?? ""
            let results = recommender.achievements.match(text: query, top: top, ranking: rankingOptions.mode)
            printResults(results, title: { recommender.corpus.achievement($0)?.title ?? "" }, query: query)
            return
        }
        if let index {
            let loaded: (matcher: TextMatcher, metadata: TextIndex.Metadata) = try TextIndex.load(index)
            let titles = Dictionary(zip(loaded.matcher.documentIDs, loaded.metadata.titles), uniquingKeysWith: { first, _ in first })
            let query = text ?? ""
            let results = loaded.matcher.match(text: query, top: top, ranking: rankingOptions.mode)
            printResults(results, title: { titles[$0] ?? "" }, query: query)
            return
        }
        let corpusPath = corpus ?? ""
        let fingerprint = TextIndex.fingerprint(ofCorpus: corpusPath)  // before the load: see cachedMatcher
        let loaded: CorpusLoadResult = try CorpusLoader.loadValidated(corpusPath)
        let corpus = loaded.corpus
        let analyzer = try analysis.makeAnalyzer()
        let results: [TextMatch]
        let queryLabel: String
        if let demandID {
            guard let demand = corpus.demand(demandID) else {
                throw DuijieError(.invalidInput, "\(demandID): no demand with this id in \(corpusPath)")
            }
            queryLabel = "\(demand.id) \(demand.title)"
            if rankingOptions.usesPipeline {
                // Fused weights apply to text: the demand's title, keywords and description.
                results = try rankingOptions.makeRanker(corpus: corpus, analyzer: analyzer)(demand.queryText, top)
            } else {
                let matcher = try rankingOptions.cachedMatcher(corpusPath: corpusPath, corpus: corpus, fingerprint: fingerprint, analyzer: analyzer, useCache: !noCache)
                results = matcher.match(demand: demand, top: top, ranking: rankingOptions.mode)
            }
        } else if rankingOptions.usesPipeline {
            let query = text ?? ""
            results = try rankingOptions.makeRanker(corpus: corpus, analyzer: analyzer)(query, top)
            queryLabel = query
        } else {
            let matcher = try rankingOptions.cachedMatcher(corpusPath: corpusPath, corpus: corpus, fingerprint: fingerprint, analyzer: analyzer, useCache: !noCache)
            let query = text ?? ""
            results = matcher.match(text: query, top: top, ranking: rankingOptions.mode)
            queryLabel = query
            if analyzer.terms(query).isEmpty {
                printError("the text has no searchable terms (only stopwords, punctuation or nothing)")
            }
        }
        let title = { (id: String) in corpus.achievement(id)?.title ?? "" }
        printResults(results, title: title, query: queryLabel)
    }

    /// The results as JSON lines with `--format json`, else as a table (the text matcher's two
    /// formats; the others go to the recommender).
    private func printResults(_ results: [TextMatch], title: (String) -> String, query: String) {
        if format == .json { printJSON(results, title: title) } else { printTable(results, title: title, query: query) }
    }

    private func printTable(_ results: [TextMatch], title: (String) -> String, query: String) {
        print("query: \(query)")
        if results.isEmpty {
            print("no achievement shares a term with the query")
            return
        }
        var rows = [["#", "score", "id", "title", "matched terms"]]
        for (rank, result) in results.enumerated() {
            let terms = result.matchedTerms.map(\.term).joined(separator: " ")
            rows.append([String(rank + 1), String(format: "%.4f", result.score), result.documentID, TextTable.truncate(title(result.documentID), width: 40), terms])
        }
        print(TextTable.render(rows, rightAligned: [0, 1]))
    }

    private func printJSON(_ results: [TextMatch], title: (String) -> String) {
        for (rank, result) in results.enumerated() {
            let object = JSONValue.object([
                ("rank", .number(Double(rank + 1))),
                ("id", .string(result.documentID)),
                ("score", .number(Double(result.score))),
                ("title", .string(title(result.documentID))),
                ("matchedTerms", .array(result.matchedTerms.map { .object([("term", .string($0.term)), ("contribution", .number(Double($0.contribution)))]) })),
            ])
            print(JSONWriter.string(object))
        }
    }
}
