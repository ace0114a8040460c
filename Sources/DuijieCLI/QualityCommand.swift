import ArgumentParser
import Duijie
import DuijieText
import DuijieVectors
import Foundation

/// `duijie bench quality --suite NAME`: ranking quality of Duijie's rankers on a suite.
struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Rank a suite's queries with each ranker and print nDCG@10, MRR and recall@100.",
        discussion: """
        Suites: demo (the demo corpus's hand judgments), csl-known-item (a CSL paper's title must
        find its own abstract), csl-topical (a title against the other papers: same discipline
        grade 2, same category grade 1). CSL suites read ../shared/datasets in place.
        Rankers: TF-IDF, BM25, LSA at each --dimensions value, and TF-IDF + LSA fused.
        """
    )

    @Option(help: "The suite: demo, csl-known-item or csl-topical.")
    var suite: String

    @Option(help: "The shared datasets folder.")
    var datasets = "../shared/datasets"

    @Option(help: "The demo corpus folder.")
    var demoCorpus = "Corpus/demo"

    @Option(help: "Queries sampled from the CSL papers.")
    var queries = 500

    @Option(help: "Seed of the query sample.")
    var seed: UInt64 = 2026

    @Option(parsing: .upToNextOption, help: "LSA dimensions to evaluate (several allowed).")
    var dimensions: [Int] = [64, 256]

    @Option(parsing: .upToNextOption, help: "Lexical weights of the fused ranker (several allowed).")
    var lexicalWeights: [Float] = [0.5, 0.7]

    @Flag(help: "Also evaluate LSA with document vectors stored as Float16.")
    var float16 = false

    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let loaded: QualitySuite
        do {
            loaded = try QualitySuite.load(suite, datasets: datasets, demoCorpus: demoCorpus, queryCount: queries, seed: seed)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let analyzer = try analysis.makeAnalyzer()
        let corpus = loaded.corpus
        print("suite \(loaded.name): \(corpus.achievements.count) documents, \(loaded.queries.count) queries, tokenizer \(analysis.mode.rawValue)")
        var rows: [[String]] = [["ranker", "nDCG@10", "MRR", "R@100", "queries"]]
        func evaluate(_ name: String, _ matcher: TextMatcher, _ ranking: TextRanking) {
            let scores = QualityScores.evaluate(loaded) { query in
                let results: [TextMatch]
                if let demandID = query.demandID, let demand = corpus.demand(demandID) {
                    results = matcher.match(demand: demand, top: 101, ranking: ranking, explainedTerms: 0)
                } else {
                    results = matcher.match(text: query.text ?? "", top: 101, ranking: ranking, explainedTerms: 0)
                }
                return results.map(\.achievementID)
            }
            rows.append([name, String(format: "%.4f", scores.ndcg10), String(format: "%.4f", scores.mrr),
                         String(format: "%.4f", scores.recall100), String(scores.queryCount)])
        }
        let tfidf = try TextMatcher(corpus: corpus, analyzer: analyzer)
        evaluate("TF-IDF", tfidf, .lexical)
        let bm25 = try TextMatcher(corpus: corpus, analyzer: analyzer, weighting: .bm25(BM25Options()))
        evaluate("BM25", bm25, .lexical)
        for rank in dimensions {
            let semantic = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: rank))
            evaluate("LSA k=\(rank)", semantic, .semantic)
            for weight in lexicalWeights {
                evaluate("TF-IDF + LSA k=\(rank), w=\(weight)", semantic, .fused(lexicalWeight: weight))
            }
            if float16 {
                let half = try TextMatcher(corpus: corpus, analyzer: analyzer, semantic: RandomizedSVD.Options(rank: rank), semanticStorage: .float16)
                evaluate("LSA k=\(rank), Float16", half, .semantic)
            }
        }
        print(TextTable.render(rows, rightAligned: [1, 2, 3, 4]))
    }
}
