import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation

/// `DuijieBench text-speed --input DOCS.jsonl`: time tokenization, TF-IDF build and batch
/// top-k on a plain document file, phase by phase, and print one JSON object.
struct TextSpeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text-speed",
        abstract: "Time tokenization, TF-IDF build and batch top-10 on a document file; print JSON.",
        discussion: """
        Each phase runs --repeat times and the median wall time is reported, in seconds. Setup \
        (reading the file, loading the dictionary, OpenCC) is not timed. The token lists of the \
        dictionary tokenizer can be written out with --tokens-out, one document per line, terms \
        separated by " | ", so a peer can be timed on identical tokens.
        """
    )

    @Option(help: "A plain document file: {\"id\",\"title\",\"text\"} per line.")
    var input: String

    @Option(help: "Worker threads for the parallel phases.")
    var threads = 2

    @Option(help: "Runs per phase; the median is reported.")
    var `repeat` = 3

    @Option(help: "How many results per query in the batch top-k phase.")
    var top = 10

    @Option(help: "Write the dictionary tokenizer's terms here, one document per line.")
    var tokensOut: String?

    @Option(help: "Write the BM25 queries' terms (each document's title) here, one per line.")
    var queryTokensOut: String?

    func validate() throws {
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
        try CountLimits.check(`repeat`, "--repeat", in: CountLimits.runs)
        try CountLimits.check(top, "--top", in: CountLimits.results)
    }

    func run() throws {
        let documents: [Achievement] = try CorpusLoader.loadValidated(input).corpus.achievements
        let texts = documents.map { [$0.title, $0.abstract ?? ""].joined(separator: "\n") }
        let bytes = texts.reduce(0) { $0 + $1.utf8.count }
        let parallelism = Parallelism(threads: threads)
        let bigram = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .bigram))
        let dictionary = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))

        var report: [(String, JSONValue)] = [("documents", .number(Double(texts.count))), ("bytes", .number(Double(bytes))), ("threads", .number(Double(threads)))]
        func time(_ name: String, _ body: () -> Void) {
            report.append((name, .number(medianSeconds(runs: self.repeat, body))))
        }
        func tokenize(_ analyzer: Analyzer, _ parallelism: Parallelism) -> [[String]] {
            parallelism.mapChunks(count: texts.count, minimumChunk: 32) { range in texts[range].map(analyzer.terms) }.flatMap { $0 }
        }

        time("tokenize_dictionary_1thread") { _ = tokenize(dictionary, .serial) }
        time("tokenize_dictionary") { _ = tokenize(dictionary, parallelism) }
        time("tokenize_bigram_1thread") { _ = tokenize(bigram, .serial) }
        time("tokenize_bigram") { _ = tokenize(bigram, parallelism) }

        let tokens = tokenize(dictionary, parallelism)
        if let tokensOut {
            try AtomicFile.write(tokens.map { $0.joined(separator: " | ") + "\n" }.joined(), to: tokensOut)
        }
        let analyzed = tokens.map(AnalyzedDocument.init(terms:))
        var weighted: WeightedTerms? = nil
        time("tfidf_build") {
            weighted = WeightedTerms(statistics: TermCounts(documents: analyzed, parallelism: parallelism),
                                     weighting: .tfidf(TFIDFOptions(sublinearTF: true)))
        }
        let matrix = weighted!.documents!  // weighted here, so the documents are present
        report.append(("vocabulary", .number(Double(matrix.columns))))
        report.append(("nonzeros", .number(Double(matrix.nonZeroCount))))
        var checksum: Double = 0
        time("topk_all_pairs") {
            let similarity = SparseSimilarity(documents: matrix)
            let results = similarity.topK(queries: matrix, k: top, parallelism: parallelism)
            checksum = results.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + Double($1.score) } }
        }
        report.append(("topk_score_sum", .number(checksum)))

        // BM25 retrieval: every document's title as a query against all documents, top 10
        // (k1 1.5, b 0.75, Lucene idf — bm25s's defaults; Duijie's scores carry bm25s's × (k1 + 1)).
        let queryTokens = documents.map { dictionary.terms($0.title) }
        if let queryTokensOut {
            try AtomicFile.write(queryTokens.map { $0.joined(separator: " | ") + "\n" }.joined(), to: queryTokensOut)
        }
        var bm25: (terms: WeightedTerms, similarity: SparseSimilarity)?
        time("bm25_build") {
            let terms = WeightedTerms(statistics: TermCounts(documents: analyzed, parallelism: parallelism), weighting: .bm25(BM25Options(k1: 1.5, b: 0.75)))
            bm25 = (terms, SparseSimilarity(documents: terms.documents!))
        }
        let queries = SparseMatrix(columns: bm25!.terms.statistics.terms.count, rows: queryTokens.map { tokens in
            bm25!.terms.queryVector(AnalyzedDocument(terms: tokens)).map { (column: $0.term, value: $0.weight) }
        })
        var bm25Sum: Double = 0
        time("bm25_retrieve") {
            let results = bm25!.similarity.topK(queries: queries, k: top, parallelism: parallelism)
            bm25Sum = results.reduce(0.0) { $0 + $1.reduce(0.0) { $0 + Double($1.score) } }
        }
        report.append(("bm25_score_sum", .number(bm25Sum)))
        print(JSONWriter.string(.object(report)))
    }
}
