import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import Foundation

/// `DuijieBench tune --suite NAME -o weights.json`: fit the weights of the plain-document
/// ranking on a suite's tuning queries.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Fit the weights of TF-IDF, BM25, LSA and graph by cross-validated coordinate ascent on nDCG@10; report the test queries; write the weights.",
        discussion: """
        The suite's queries are split in half by a fixed seed. On the tuning half, 5-fold \
        cross-validation (folds dealt by a seeded shuffle, seed 7) fits weights by coordinate \
        ascent (Metzler & Croft 2007, a 0.05 grid, weights summing to 1); the weights are the \
        mean of the folds' weights rounded to 0.05. The test half is measured once, beside each \
        feature alone. The weights file is read by `duijie match --weights FILE` and \
        `duijie run --weights FILE`.
        """
    )

    @OptionGroup var suiteOptions: SuiteOptions
    @Option(help: "LSA dimensions.") var dimensions = 256
    @Flag(help: "Leave out the graph feature (TF-IDF, BM25 and LSA only).") var noGraph = false
    @Flag(help: "Add the field feature (suites whose queries and documents have fields: nsfc-expert); an experiment, not written with -o.")
    var withField = false
    @Option(help: "With --with-field, count field agreement only with text evidence: field × min(1, text / τ).") var fieldGate: Float?
    @Option(name: [.short, .customLong("output")], help: "Where to write the weights (JSON).") var output: String?
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if withField && output != nil { throw ValidationError("--with-field is an experiment: its weights are not written (leave out -o)") }
        if let fieldGate, !withField || !(fieldGate > 0) { throw ValidationError("--field-gate needs --with-field and a positive τ") }
    }

    func run() throws {
        let loaded = try suiteOptions.load()
        var features = Set(RankingConfiguration.documents.features)
        if noGraph { features.remove(.graph) }
        if withField { features.insert(.field) }
        let configuration = RankingConfiguration(features: features, poolPerSource: RankingConfiguration.documents.poolPerSource,
                                                 fieldGate: fieldGate)
        let recommender = try Recommender(corpus: loaded.corpus, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions,
                                          configuration: configuration)
        let result = SuiteTuning.tune(loaded, recommender: recommender)
        let fitted = result.crossValidation
        let lsaDimensions = recommender.achievements.semanticModel?.dimensions ?? dimensions
        print("suite \(loaded.name): \(loaded.queries(.tune).count) tuning and \(loaded.queries(.test).count) test queries")
        print(TuningReport.text(result, features: configuration.features, lsaDimensions: lsaDimensions))
        if let output {
            let command = (["DuijieBench", "tune", "--suite", loaded.name, "--dimensions", String(dimensions)] + (noGraph ? ["--no-graph"] : [])
                + ["--tokenizer", analysis.mode.rawValue, "-o", output]).joined(separator: " ")
            let fitting = JSONValue.object([
                ("split", .string("tuning half of the suite's queries (seeded shuffle of their ids, seed \(loaded.splitSeed)); the test half is measured once")),
                ("method", .string(TuningReport.method)),
                ("folds", .number(Double(DocumentTuning.folds))), ("seed", .number(Double(DocumentTuning.foldSeed))),
                ("tuningQueries", .number(Double(fitted.queries))), ("tokenizer", .string(analysis.mode.rawValue)), ("command", .string(command)),
            ])
            let file = DocumentWeights(suite: loaded.name, weights: fitted.weights, lsaDimensions: lsaDimensions, fitting: fitting,
                                       crossValidatedNDCG: fitted.heldOutNDCG, testNDCG: result.testNDCG,
                                       testTextOnlyNDCG: result.testNDCGByFeature.first { $0.feature == .text }?.ndcg ?? 0)
            try AtomicFile.write(file.text, to: output)
            print("wrote \(output)")
        }
    }
}
