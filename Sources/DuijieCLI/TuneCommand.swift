import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import DuijieRanking
import Foundation
import SystemPackage

/// `duijie tune --corpus DOCS --queries Q --qrels J -o weights.json`: fit the weights of
/// plain-document ranking on a user's own judged queries, the way the shipped weights were fitted.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Fit the weights of TF-IDF, BM25, LSA and graph on your own documents, queries and judgments; write a weights file for run and match.",
        discussion: """
        The queries are split in half by a seeded shuffle of their ids (--seed); only those with a \
        relevant document count. On the tuning half, 5-fold cross-validation fits weights by \
        coordinate ascent on nDCG@10 (a 0.05 grid, weights summing to 1); the weights are the mean \
        of the folds' weights rounded to 0.05. The test half is measured once, beside each feature \
        alone. --expanded adds BM25 of the query expanded by pseudo-relevance feedback (RM3) and \
        BM25 over dictionary words. Example:
          duijie tune --corpus docs.jsonl --queries q.jsonl --qrels j.qrels -o w.json
          duijie run --corpus docs.jsonl --queries q.jsonl --weights w.json -o t.run
        """
    )

    @Option(help: "The corpus directory or plain document file.")
    var corpus: String

    @Option(help: "The query file: {\"id\",\"text\"} per line.")
    var queries: String

    @Option(help: "The judgments (TREC qrels).")
    var qrels: String

    @Option(name: [.short, .customLong("output")], help: "Write the weights here (JSON, atomically).")
    var output: String?

    @Option(help: "LSA dimensions (capped by the number of documents).")
    var dimensions = 256

    @Flag(help: "Also fit the RM3-expanded query and word BM25 (the signals of --ranking learned).")
    var expanded = false

    @Flag(help: "Leave out the graph feature.")
    var noGraph = false

    @Option(help: "The seed of the tuning/test split.")
    var seed: UInt64 = 7

    @OptionGroup var analysis: AnalysisOptions

    /// Fewer judged queries than this leave folds too small to fit anything.
    static let minimumJudgedQueries = 10

    func validate() throws {
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
    }

    func run() throws {
        if let output { try OutputPath.checkFile(output, inputs: [corpus, queries, qrels]) }
        let documents = try CorpusLoader.loadValidated(corpus).corpus
        let queryList = try QueryFile.load(queries)
        let judgments = try Qrels(parsing: String(decoding: try CorpusLoader.readBytes(qrels, displayName: qrels), as: UTF8.self), fileName: qrels)
        let judged = queryList.filter { judgments.judgments[$0.id]?.values.contains { $0 > 0 } ?? false }
        for warning in Self.coverageWarnings(queries: queryList, judged: judged, judgments: judgments, corpus: documents) {
            printError("warning: " + warning)
        }
        guard judged.count >= Self.minimumJudgedQueries else {
            throw DuijieError(.invalidInput, "\(qrels): \(judged.count) of the \(queryList.count) queries have a relevant document; tune needs at least \(Self.minimumJudgedQueries) (half fit, half measure)")
        }
        // The split is of every query of the file, as a quality suite's is of all its queries, so
        // that the same queries and judgments fit the same weights here and in `DuijieBench tune`.
        let tuningIDs = TuningSplit.tuningHalf(of: queryList.map(\.id), seed: seed)
        func part(_ isTuning: Bool) -> [DocumentTuning.Query] {
            judged.filter { tuningIDs.contains($0.id) == isTuning }.map { DocumentTuning.Query(id: $0.id, text: $0.text ?? "") }
        }
        var features = Set((expanded ? RankingConfiguration.expandedDocuments : .documents).features)
        if noGraph { features.remove(.graph) }
        let configuration = RankingConfiguration(features: features, poolPerSource: RankingConfiguration.documents.poolPerSource)
        let recommender = try Recommender(corpus: documents, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions, configuration: configuration)
        let result = DocumentTuning.tune(recommender: recommender, tuning: part(true), test: part(false), qrels: judgments)
        let lsaDimensions = recommender.achievements.semanticModel?.dimensions ?? dimensions
        print("\(queryList.count) queries, \(judged.count) judged: \(result.crossValidation.queries) tuning, \(result.testQueries) test (split by seed \(seed))")
        print(TuningReport.text(result, features: configuration.features, lsaDimensions: lsaDimensions))
        guard let output else { return }
        let name = FilePath(queries).lastComponent?.string ?? queries
        let command = (["duijie", "tune", "--corpus", corpus, "--queries", queries, "--qrels", qrels, "--dimensions", String(dimensions)]
            + (expanded ? ["--expanded"] : []) + (noGraph ? ["--no-graph"] : []) + ["--seed", String(seed), "--tokenizer", analysis.mode.rawValue, "-o", output])
            .joined(separator: " ")
        let fitting = JSONValue.object([
            ("split", .string("tuning half of the judged queries (seeded shuffle of their ids, seed \(seed)); the test half is measured once")),
            ("method", .string(TuningReport.method)),
            ("folds", .number(Double(DocumentTuning.folds))), ("seed", .number(Double(DocumentTuning.foldSeed))),
            ("tuningQueries", .number(Double(result.crossValidation.queries))), ("tokenizer", .string(analysis.mode.rawValue)),
            ("command", .string(command)),
        ])
        let file = DocumentWeights(suite: name, weights: result.crossValidation.weights, lsaDimensions: lsaDimensions, fitting: fitting,
                                   crossValidatedNDCG: result.crossValidation.heldOutNDCG, testNDCG: result.testNDCG,
                                   testTextOnlyNDCG: result.testNDCGByFeature.first { $0.feature == .text }?.ndcg ?? 0)
        try AtomicFile.write(file.text, to: output)
        print("wrote \(output)")
    }

    /// What does not fit between the queries, the judgments and the corpus: judged queries the
    /// query file lacks, queries without a relevant document, judged documents the corpus lacks.
    static func coverageWarnings(queries: [QueryFile.Query], judged: [QueryFile.Query], judgments: Qrels, corpus: Corpus) -> [String] {
        var warnings: [String] = []
        let queryIDs = Set(queries.map(\.id))
        let missing = judgments.queryIDs.filter { !queryIDs.contains($0) }
        if !missing.isEmpty {
            warnings.append("\(missing.count) judged queries are not in the query file (first: \(missing.prefix(5).joined(separator: ", "))); they are not used")
        }
        if judged.count < queries.count {
            warnings.append("\(queries.count - judged.count) of \(queries.count) queries have no relevant document in the qrels; they are not used")
        }
        let documentIDs = Set(corpus.achievements.map(\.id))
        let unknown = Set(judgments.judgments.values.flatMap(\.keys)).subtracting(documentIDs).sorted()
        if !unknown.isEmpty {
            warnings.append("\(unknown.count) judged documents are not in the corpus (first: \(unknown.prefix(5).joined(separator: ", "))): are the document ids the same?")
        }
        return warnings
    }
}
