import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieText
import Foundation

/// `DuijieBench tune --suite NAME -o weights.json`: fit fusion weights on a suite's tuning queries.
struct TuneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tune",
        abstract: "Fit the weights of TF-IDF, BM25 and LSA by coordinate ascent on nDCG@10; report the test queries; write the weights.",
        discussion: """
        The suite's queries are split in half by a fixed seed; the weights are fitted on the tuning
        half (Metzler & Croft 2007 coordinate ascent over a 0.05 grid, weights summing to 1) and
        measured on the test half, beside each feature alone. The weights file is read by
        `duijie match --weights FILE` and `duijie run --weights FILE`.
        """
    )

    @OptionGroup var suiteOptions: SuiteOptions
    @Option(help: "LSA dimensions.") var dimensions = 256
    @Flag(help: "Leave out the graph feature (TF-IDF, BM25 and LSA only).") var noGraph = false
    @Option(name: [.short, .customLong("output")], help: "Where to write the weights (JSON).") var output: String?
    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let loaded = try suiteOptions.load()
        let matcher = try FusedMatcher(corpus: loaded.corpus, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions, includesGraph: !noGraph)
        let result = FusionTuning.tune(loaded, matcher: matcher)
        let weights = result.weights
        print("suite \(loaded.name): \(loaded.queries(.tune).count) tuning and \(loaded.queries(.test).count) test queries")
        print(String(format: "weights: TF-IDF %.2f, BM25 %.2f, LSA %.2f, graph %.2f (k = %d)", weights.tfidf, weights.bm25, weights.lsa, weights.graph, weights.lsaDimensions))
        let names = Array(FusedMatcher.featureNames.prefix(result.testNDCGByFeature.count))
        print(TextTable.render([
            ["nDCG@10", "tuned"] + names,
            ["tune", String(format: "%.4f", result.tuneNDCG)] + names.map { _ in "" },
            ["test", String(format: "%.4f", result.testNDCG)] + result.testNDCGByFeature.map { String(format: "%.4f", $0) },
        ], rightAligned: Set(1...(names.count + 1))))
        if let output {
            let document = JSONValue.object([
                ("suite", .string(loaded.name)), ("weights", weights.jsonValue),
                ("tuneNDCG10", .number(result.tuneNDCG)), ("testNDCG10", .number(result.testNDCG)),
            ])
            try AtomicFile.write(JSONWriter.string(document) + "\n", to: output)
            print("wrote \(output)")
        }
    }
}
