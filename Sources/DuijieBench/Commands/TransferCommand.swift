import ArgumentParser
import DuijieCommandLine
import DuijieEvaluation
import DuijieRanking
import DuijieText
import Foundation

/// `DuijieBench transfer`: how well one weighting of ranking signals does on suites it was not
/// fitted on (leave-one-suite-out), for several sets of signals.
struct TransferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Leave-one-suite-out: fit one weighting on the other suites' tuning halves, measure each suite's test half against BM25.",
        discussion: """
        Every suite's judged queries are ranked once by the plain-document pipeline (its pool of \
        the best 200 by TF-IDF, BM25, LSA and graph), and each candidate gets six signals: \
        TF-IDF, BM25, LSA, graph, BM25 of the query expanded by pseudo-relevance feedback (RM3) \
        and BM25 over dictionary words. First, each signal alone on every test half. Then, for \
        each set of signals, weights are fitted by coordinate ascent (a 0.05 grid, weights \
        summing to 1) on the training suites' tuning halves (--objective: by default the mean \
        over suites of their nDCG@10 divided by BM25's, so every suite counts the same), leaving out the \
        suite measured; its test half is measured against BM25 (paired randomization test, * p < \
        0.05, ** p < 0.01). Last, the weights fitted on every suite's tuning half.
        """
    )

    @Option(parsing: .upToNextOption, help: "The suites (default: all).") var suites: [String] = QualitySuite.names
    @Option(help: "The shared datasets folder.") var datasets = "../shared/datasets"
    @Option(help: "The demo corpus folder.") var demoCorpus = "Corpus/demo"
    @Option(help: "Queries sampled from each data set (not for demo).") var queries = 500
    @Option(help: "Seed of the query samples.") var seed: UInt64 = 2026
    @Option(help: "LSA dimensions.") var dimensions = 256
    @Option(help: "Feedback documents of RM3.") var feedbackDocuments = 10
    @Option(help: "Expansion terms of RM3.") var feedbackTerms = 20
    @Option(help: "The original query's weight in RM3 (λ).") var feedbackWeight: Float = 0.5
    @Option(help: "What the fitting maximizes: ratio (the mean over suites of nDCG@10 divided by BM25's) or mean (the mean nDCG@10 over suites).")
    var objective: LeaveOneSuiteOut.Objective = .meanRatio
    @Flag(help: "Fuse reciprocal ranks (k / (k + rank), k = 60) instead of the signals' values.") var reciprocalRanks = false

    func validate() throws {
        try CountLimits.check(queries, "--queries", in: CountLimits.items)
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
        for name in suites where !QualitySuite.names.contains(name) { throw ValidationError("unknown suite \"\(name)\"") }
        if suites.count < 2 { throw ValidationError("leave-one-suite-out needs at least two suites") }
        if feedbackDocuments < 1 || feedbackTerms < 0 || !(0...1).contains(feedbackWeight) {
            throw ValidationError("feedback: documents ≥ 1, terms ≥ 0, weight in 0…1")
        }
    }

    func run() throws {
        let analyzer = try TextResources.makeAnalyzer(options: AnalyzerOptions())
        let wordAnalyzer = try TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary))
        let feedback = FeedbackOptions(documents: feedbackDocuments, terms: feedbackTerms, originalWeight: feedbackWeight)
        var tables: [SuiteFeatureTable] = []
        for name in suites {
            let suite = try QualitySuite.load(name, datasets: datasets, demoCorpus: demoCorpus, queryCount: queries, seed: seed)
            let started = Date()
            tables.append(try SuiteFeatureTable.build(suite, analyzer: analyzer, wordAnalyzer: wordAnalyzer, lsaDimensions: dimensions,
                                                      feedback: feedback))
            print(String(format: "suite %@: %d tuning, %d test queries (%.0f s)", name, tables.last!.tuning.count, tables.last!.test.count,
                         Date().timeIntervalSince(started)))
        }
        if reciprocalRanks { tables = tables.map { $0.reciprocalRanks() } }
        printSignalsAlone(tables)
        let sets: [(String, [SuiteFeatureTable.Signal])] = [
            ("TF-IDF, BM25, LSA, graph", [.tfidf, .bm25, .lsa, .graph]),
            ("+ RM3", [.tfidf, .bm25, .lsa, .graph, .feedback]),
            ("+ words", [.tfidf, .bm25, .lsa, .graph, .words]),
            ("+ RM3 + words", SuiteFeatureTable.Signal.allCases),
        ]
        var columns: [(String, [LeaveOneSuiteOut.HeldOut])] = []
        for (label, signals) in sets { columns.append((label, LeaveOneSuiteOut.evaluate(tables, signals: signals, objective: objective))) }
        print("\nleave-one-suite-out, test-half nDCG@10 (ratio to BM25):")
        var rows = [["suite (test queries)", "BM25", "TF-IDF"] + columns.map(\.0)]
        for (index, table) in tables.enumerated() {
            let bm25 = columns[0].1[index].bm25
            var row = ["\(table.suite) (\(bm25.count))", Self.mean(bm25).formatted4, Self.marked(columns[0].1[index].tfidf, against: bm25)]
            for (_, heldOut) in columns { row.append(Self.marked(heldOut[index].model, against: bm25, ratio: true)) }
            rows.append(row)
        }
        print(TextTable.render(rows, rightAligned: Set(1..<rows[0].count)))
        print("\nweights fitted without each suite (\(SuiteFeatureTable.Signal.allCases.map(\.label).joined(separator: ", "))):")
        for (label, heldOut) in columns {
            for result in heldOut { print("  \(label) | without \(result.suite): \(result.weights.map { String(format: "%.2f", $0) }.joined(separator: ", "))") }
        }
        print("\nweights fitted on every suite's tuning half:")
        for (label, signals) in sets {
            let weights = LeaveOneSuiteOut.fit(tables, signals: signals, objective: objective)
            print("  \(label): \(weights.map { String(format: "%.2f", $0) }.joined(separator: ", "))")
        }
    }

    /// Each signal alone on every suite's test half.
    private func printSignalsAlone(_ tables: [SuiteFeatureTable]) {
        print("\neach signal alone, test-half nDCG@10 over the pool:")
        var rows = [["suite"] + SuiteFeatureTable.Signal.allCases.map(\.label)]
        for table in tables {
            let bm25 = table.ndcgs(table.test, weights: LeaveOneSuiteOut.alone(.bm25))
            rows.append([table.suite] + SuiteFeatureTable.Signal.allCases.map { signal in
                let values = table.ndcgs(table.test, weights: LeaveOneSuiteOut.alone(signal))
                return signal == .bm25 ? Self.mean(values).formatted4 : Self.marked(values, against: bm25)
            })
        }
        print(TextTable.render(rows, rightAligned: Set(1..<rows[0].count)))
    }

    private static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }

    /// The mean, a significance marker against `baseline`, and with `ratio` the ratio to its mean.
    private static func marked(_ values: [Double], against baseline: [Double], ratio: Bool = false) -> String {
        let p = Significance.randomizationTest(values, baseline)
        let marker = p < 0.01 ? "**" : p < 0.05 ? "*" : ""
        let base = mean(baseline)
        let suffix = ratio && base > 0 ? String(format: " (%.2f×)", mean(values) / base) : ""
        return mean(values).formatted4 + marker + suffix
    }
}

private extension Double {
    var formatted4: String { String(format: "%.4f", self) }
}

extension LeaveOneSuiteOut.Objective: ExpressibleByArgument {}
