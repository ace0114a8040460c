import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import DuijieText
import DuijieVectors
import Foundation

/// `DuijieBench quality --suite NAME`: ranking quality of Duijie's rankers on a suite.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Rank a suite's queries with each ranker; print nDCG@10, MRR and recall@100 against a BM25 baseline.",
        discussion: """
        Suites: \(QualitySuite.names.joined(separator: ", ")). CSL, patent and grant suites read \
        ../shared/datasets in place. Rankers: TF-IDF, BM25, LSA at each --dimensions value, \
        TF-IDF + LSA fused at each --lexical-weights value, graph proximity (personalized PageRank \
        from the query's 10 best TF-IDF matches through the corpus graph with text-neighbour \
        links), and TF-IDF + LSA + graph (weights 0.4, 0.3, 0.3; LSA at the last --dimensions), the last two \
        by the ranking pipeline in its plain-document configuration. Scores are over the queries of --part \
        (test by default: a fixed seeded half) that have a relevant document; * and ** mark an \
        nDCG@10 different from BM25's at p < 0.05 and p < 0.01 (paired randomization test).
        """
    )

    @OptionGroup var suiteOptions: SuiteOptions
    @Option(help: "Which queries: tune, test or all.") var part: QualitySuite.Part = .test
    @Option(parsing: .upToNextOption, help: "LSA dimensions to evaluate (several allowed).") var dimensions: [Int] = [64, 256]
    @Option(parsing: .upToNextOption, help: "Lexical weights of the fused ranker (several allowed).") var lexicalWeights: [Float] = [0.5, 0.7]
    @Flag(help: "Also evaluate LSA with document vectors stored as Float16.") var float16 = false
    @Flag(help: "Leave out the graph rankers.") var noGraph = false
    @Option(help: "Write each ranker's run here in TREC format.") var runsDir: String?
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        for value in dimensions { try CountLimits.check(value, "--dimensions", in: CountLimits.dimensions) }
        guard lexicalWeights.allSatisfy({ (0...1).contains($0) }) else { throw ValidationError("--lexical-weights must be between 0 and 1") }
    }

    func run() throws {
        let loaded = try suiteOptions.load()
        let analyzer = try analysis.makeAnalyzer()
        let corpus = loaded.corpus
        print("suite \(loaded.name): \(corpus.achievements.count) documents, \(loaded.queries(part).count) \(part.rawValue) queries of \(loaded.queries.count), tokenizer \(analysis.mode.rawValue)")
        let metrics: [Metric] = [.ndcg(k: 10), .reciprocalRank(k: nil), .recall(k: 100)]
        let qrels = loaded.qrels(part)
        var results: [(name: String, report: EvaluationReport)] = []
        func save(_ run: TRECRun, _ name: String) throws {
            guard let runsDir else { return }
            try FileManager.default.createDirectory(atPath: runsDir, withIntermediateDirectories: true)
            let slug = String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
            try AtomicFile.write(run.formatted(tag: slug), to: runsDir + "/\(loaded.name)-\(slug).run")
        }
        func evaluate(_ name: String, _ matcher: TextMatcher, _ ranking: TextRanking) throws {
            let run = loaded.run(named: name, part: part) { query in
                let hits: [TextMatch]
                if let demandID = query.demandID, let demand = corpus.demand(demandID) {
                    hits = matcher.match(demand: demand, top: 101, ranking: ranking, explainedTerms: 0)
                } else {
                    hits = matcher.match(text: query.text ?? "", top: 101, ranking: ranking, explainedTerms: 0)
                }
                return hits.map { ($0.documentID, Double($0.score)) }
            }
            try save(run, name)
            results.append((name, Evaluator.evaluate(run, qrels: qrels, metrics: metrics, options: EvaluationOptions(onlyAnswerable: true))))
        }
        try evaluate("TF-IDF", try TextMatcher(corpus: corpus, analyzer: analyzer), .lexical)
        try evaluate("BM25", try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options())), .lexical)
        for rank in dimensions {
            let semantic = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: rank))
            try evaluate("LSA k=\(rank)", semantic, .semantic)
            for weight in lexicalWeights {
                try evaluate("TF-IDF + LSA k=\(rank), w=\(weight)", semantic, .fused(lexicalWeight: weight))
            }
            if float16 {
                let half = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: rank), semanticStorage: .float16)
                try evaluate("LSA k=\(rank), Float16", half, .semantic)
            }
        }
        if !noGraph, let rank = dimensions.last {
            let pipeline = try Recommender(corpus: corpus, analyzer: analyzer, lsaDimensions: rank, configuration: .documents)
            for (name, weights) in [("graph", RankingFeatures(graph: 1)), ("TF-IDF + LSA + graph", RankingFeatures(text: 0.4, semantic: 0.3, graph: 0.3))] {
                let run = loaded.run(named: name, part: part) { query in
                    pipeline.shortlist(QueryContext(text: query.text(in: corpus)), target: .achievement, top: 101,
                                       weights: RecommendationWeights(weights), filters: .init())
                        .filter { $0.score > 0 }.map { ($0.id, Double($0.score)) }
                }
                try save(run, name)
                results.append((name, Evaluator.evaluate(run, qrels: qrels, metrics: metrics, options: EvaluationOptions(onlyAnswerable: true))))
            }
        }
        let baseline = results[1].report.values[.ndcg(k: 10)] ?? []
        var rows: [[String]] = [["ranker", "nDCG@10", "MRR", "R@100", "queries"]]
        for (name, report) in results {
            let values = report.values[.ndcg(k: 10)] ?? []
            var marker = ""
            if name != "BM25" {
                let p = Significance.randomizationTest(values, baseline)
                marker = p < 0.01 ? "**" : p < 0.05 ? "*" : ""
            }
            rows.append([name, String(format: "%.4f", report.mean(.ndcg(k: 10))) + marker, String(format: "%.4f", report.mean(.reciprocalRank(k: nil))),
                         String(format: "%.4f", report.mean(.recall(k: 100))), String(report.queries.count)])
        }
        print(TextTable.render(rows, rightAligned: [1, 2, 3, 4]))
    }
}

extension QualitySuite.Part: ExpressibleByArgument {}
