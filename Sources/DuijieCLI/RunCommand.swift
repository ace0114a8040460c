import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import Foundation

/// `duijie run --corpus DOCS --queries QUERIES.jsonl`: rank documents for a query file and
/// write a TREC run, so any public dataset can be evaluated in two commands.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Rank a corpus (or a plain document file) for every query of a query file; write a TREC run.",
        discussion: """
        Queries are {"id","text"} per line; a query with no searchable terms (empty, or only \
        stopwords and punctuation) gets no results and a warning naming its line. Options that \
        cannot take effect (--dimensions with lexical ranking or at or above the number of \
        documents, --lexical-weight without fused ranking) are warned about. Example, then evaluation:
          duijie run --corpus docs.jsonl --queries queries.jsonl --top 100 -o tfidf.run
          duijie eval --qrels judgments.qrels --run tfidf.run
        """
    )

    @Option(help: "The corpus directory or plain document file.")
    var corpus: String

    @Option(help: "The query file: {\"id\",\"text\"} per line.")
    var queries: String

    @Option(help: "Documents per query.")
    var top = 100

    @Option(help: "Output format: trec (QUERY Q0 DOC RANK SCORE TAG) or jsonl.")
    var format: Format = .trec

    @Option(help: "The run's tag (last TREC column).")
    var tag = "duijie"

    @Option(name: [.short, .customLong("output")], help: "Write the run here (atomically); standard output when omitted.")
    var output: String?

    @OptionGroup var rankingOptions: RankingOptions
    @OptionGroup var analysis: AnalysisOptions

    enum Format: String, ExpressibleByArgument, CaseIterable { case trec, jsonl }

    func validate() throws {
        try CountLimits.check(top, "--top", in: CountLimits.results)
        if tag.contains(where: \.isWhitespace) || tag.isEmpty { throw ValidationError("--tag must be one word") }
    }

    func run() throws {
        if let output { try OutputPath.checkFile(output, inputs: [corpus, queries]) }
        for warning in rankingOptions.ignoredOptionWarnings() { printError("warning: " + warning) }
        let documents = try CorpusLoader.loadValidated(corpus).corpus
        let queryList = try QueryFile.load(queries)
        let analyzer = try analysis.makeAnalyzer()
        let rank = try rankingOptions.makeRanker(corpus: documents, analyzer: analyzer, explains: false)
        var text = ""
        var queriesWithoutTerms: [QueryFile.Query] = []
        for query in queryList {
            let queryText = query.text ?? ""
            if analyzer.terms(queryText).isEmpty {
                queriesWithoutTerms.append(query)
                continue
            }
            for (rank, result) in rank(queryText, top).enumerated() {
                switch format {
                case .trec:
                    text += "\(query.id) Q0 \(result.documentID) \(rank + 1) \(result.score) \(tag)\n"
                case .jsonl:
                    text += JSONWriter.string(.object([("query", .string(query.id)), ("id", .string(result.documentID)),
                                                       ("rank", .number(Double(rank + 1))), ("score", .number(Double(result.score)))])) + "\n"
                }
            }
        }
        warnAboutUnsearchable(queriesWithoutTerms)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    /// One warning per query with no searchable terms (the first five), then their count.
    private func warnAboutUnsearchable(_ skipped: [QueryFile.Query]) {
        for query in skipped.prefix(5) {
            let what = (query.text ?? "").isEmpty ? "empty" : "only stopwords or punctuation"
            printError("warning: \(query.location): query \(query.id) has no searchable terms (\(what)); it gets no results")
        }
        if skipped.count > 5 {
            printError("warning: \(skipped.count) queries have no searchable terms and get no results (the first 5 are above)")
        }
    }
}
