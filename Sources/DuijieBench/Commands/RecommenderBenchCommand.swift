import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieRanking
import Foundation
/// `duijie bench recommender`: fit and measure the recommender's weights on the demo judgments.
struct RecommenderBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommender",
        abstract: "Fit the recommender's feature weights on the demo corpus's judgments; report the test half.",
        discussion: """
        The demands are split in half by the demo suite's fixed seed; weights are fitted by
        coordinate ascent on nDCG@10 over the tuning half and measured on the test half, beside
        the shipped defaults and text similarity alone.
        """
    )

    @Option(help: "The demo corpus folder.") var demoCorpus = "Corpus/demo"
    @Option(help: "What the queries are: demand or achievement.") var source: Source = .demand
    @Option(help: "What to recommend: achievement, expert or institution (for demands); demand or enterprise (for achievements).")
    var target: RecommendationTarget = .achievement

    enum Source: String, ExpressibleByArgument, CaseIterable { case demand, achievement }
    @Option(help: "LSA dimensions.") var dimensions = 64
    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let corpus: Corpus
        let achievementJudgments: Qrels
        let expertJudgments: Qrels
        do {
            corpus = try CorpusLoader.loadValidated(demoCorpus).corpus
            func read(_ name: String) throws -> Qrels {
                let file = demoCorpus + "/qrels/" + name
                return try Qrels(parsing: String(contentsOfFile: file, encoding: .utf8), fileName: file)
            }
            achievementJudgments = try read("demand-achievement.qrels")
            expertJudgments = try read("demand-expert.qrels")
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let sourceKind: RecordKind = source == .demand ? .demand : .achievement
        guard let qrels = RecommenderTuning.judgments(source: sourceKind, target: target, achievements: achievementJudgments,
                                                       experts: expertJudgments, corpus: corpus) else {
            throw ValidationError("no judgments for \(source.rawValue) → \(target.rawValue) (supported: demand → achievement, expert, institution; achievement → demand, enterprise)")
        }
        let recommender = try Recommender(corpus: corpus, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions)
        let result = RecommenderTuning.tune(recommender, qrels: qrels, target: target)
        let names = RankingFeatures.Name.allCases.map { $0.name(chinese: false) }
        print("demo, \(source.rawValue) → \(target.rawValue): \(result.testQueries) test \(source.rawValue)s")
        print("weights: " + zip(names, result.weights.values).map { "\($0) \(String(format: "%.2f", $1))" }.joined(separator: ", "))
        print("exact: [" + result.weights.values.map { String($0) }.joined(separator: ", ") + "]")
        print(TextTable.render([
            ["nDCG@10", "fitted", "defaults", "text only"],
            ["tune", String(format: "%.4f", result.tuneNDCG), "", ""],
            ["test", String(format: "%.4f", result.testNDCG.tuned), String(format: "%.4f", result.testNDCG.defaults), String(format: "%.4f", result.testNDCG.textOnly)],
        ], rightAligned: [1, 2, 3]))
    }
}

