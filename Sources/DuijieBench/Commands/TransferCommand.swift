import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
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
        0.05, ** p < 0.01). Last, the weights fitted on every suite's tuning half, and the set \
        that ships: among the sets never significantly below BM25 on a held-out suite, the one \
        with the highest mean ratio to BM25 (-o writes its weights file).
        """
    )

    @Option(parsing: .upToNextOption, help: "The suites (default: all).") var suites: [String] = QualitySuite.names
    @Option(help: "The shared datasets folder.") var datasets = "../shared/datasets"
    @Option(help: "The demo corpus folder.") var demoCorpus = "Corpus/demo"
    @Option(help: "Queries sampled from each data set (not for demo).") var queries = 500
    @Option(help: "Seed of the query samples.") var seed: UInt64 = 2026
    @Option(help: "LSA dimensions.") var dimensions = 256
    @Option(help: "What the fitting maximizes: ratio (the mean over suites of nDCG@10 divided by BM25's) or mean (the mean nDCG@10 over suites).")
    var objective: LeaveOneSuiteOut.Objective = .meanRatio
    @Option(name: [.short, .customLong("output")], help: "Write the shipped weighting here (the general weights file).") var output: String?
    @Option(help: "With -o, also write the weights file's text as Swift source here (compiled in as DocumentWeights.general).") var swift: String?
    @Flag(help: "Fuse reciprocal ranks (k / (k + rank), k = 60) instead of the signals' values.") var reciprocalRanks = false

    func validate() throws {
        try CountLimits.check(queries, "--queries", in: CountLimits.items)
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
        for name in suites where !QualitySuite.names.contains(name) { throw ValidationError("unknown suite \"\(name)\"") }
        if suites.count < 2 { throw ValidationError("leave-one-suite-out needs at least two suites") }
        if output != nil && (reciprocalRanks || Set(suites) != Set(QualitySuite.names)) {
            throw ValidationError("-o writes the shipped weighting: fit it on every suite, with value fusion")
        }
        if swift != nil && output == nil { throw ValidationError("--swift needs -o") }
    }

    func run() throws {
        let analyzer = try TextResources.makeAnalyzer(options: AnalyzerOptions())
        var tables: [SuiteFeatureTable] = []
        for name in suites {
            let suite = try QualitySuite.load(name, datasets: datasets, demoCorpus: demoCorpus, queryCount: queries, seed: seed)
            let started = Date()
            tables.append(try SuiteFeatureTable.build(suite, analyzer: analyzer, lsaDimensions: dimensions))
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
        var fittedOnAll: [[Float]] = []
        for (label, signals) in sets {
            let weights = LeaveOneSuiteOut.fit(tables, signals: signals, objective: objective)
            fittedOnAll.append(weights)
            print("  \(label): \(weights.map { String(format: "%.2f", $0) }.joined(separator: ", "))")
        }
        let choice = Self.shippable(columns.map(\.1))
        print("\nshipped: \(sets[choice].0) (no suite significantly below BM25 left out, the highest mean ratio to BM25 among such sets)")
        if let output {
            let general = generalWeights(fittedOnAll[choice], heldOut: columns[choice].1, tables: tables, signals: sets[choice].1)
            try AtomicFile.write(general.text, to: output)
            print("wrote \(output)")
            if let swift {
                let source = """
                // Written by `DuijieBench transfer -o Corpus/weights/general.json --swift <this file>`: the same
                // bytes as Corpus/weights/general.json (a test checks). Do not edit by hand.

                extension DocumentWeights {
                    /// The text of `Corpus/weights/general.json`.
                    static let generalFileText = #\"\"\"
                \(general.text)
                \"\"\"#
                }

                """
                try AtomicFile.write(source, to: swift)
                print("wrote \(swift)")
            }
        }
    }

    /// The set of signals to ship: among those whose held-out suites never score significantly
    /// below BM25 (p < 0.05 and a lower mean), the one with the highest mean ratio to BM25; the
    /// first set when none qualifies.
    static func shippable(_ results: [[LeaveOneSuiteOut.HeldOut]]) -> Int {
        func meanRatio(_ heldOut: [LeaveOneSuiteOut.HeldOut]) -> Double {
            heldOut.reduce(0.0) { $0 + mean($1.model) / max(1e-9, mean($1.bm25)) } / Double(max(1, heldOut.count))
        }
        let safe = results.indices.filter { index in
            !results[index].contains { mean($0.model) < mean($0.bm25) && Significance.randomizationTest($0.model, $0.bm25) < 0.05 }
        }
        return safe.max { (meanRatio(results[$0]), -$0) < (meanRatio(results[$1]), -$1) } ?? 0
    }

    /// The shipped weights file: `weights` (fitted on every suite's tuning half) rounded to 0.01,
    /// with what leave-one-suite-out measured for the same signals.
    private func generalWeights(_ weights: [Float], heldOut: [LeaveOneSuiteOut.HeldOut], tables: [SuiteFeatureTable],
                                signals: [SuiteFeatureTable.Signal]) -> DocumentWeights {
        let rounded = weights.map { ($0 * 100).rounded() / 100 }
        var features = RankingFeatures()
        for (signal, value) in zip(SuiteFeatureTable.Signal.allCases, rounded) { features[signal.feature] = value }
        let suiteMean = { (values: [Double]) in values.reduce(0, +) / Double(max(1, values.count)) }
        let command = (["DuijieBench", "transfer", "--dimensions", String(dimensions), "--objective", objective.rawValue,
                        "-o", output ?? ""] + (swift.map { ["--swift", $0] } ?? [])).joined(separator: " ")
        let fitting = JSONValue.object([
            ("suites", .array(tables.map { .string($0.suite) })),
            ("signals", .array(signals.map { .string($0.feature.rawValue) })),
            ("split", .string("each suite's tuning half (seeded shuffle of its query ids, seed 7); test halves are measured")),
            ("method", .string("coordinate ascent (grid 0.05, weights summing to 1) on the mean over suites of their tuning halves' nDCG@10 divided by BM25's, from equal weights; weights rounded to 0.01")),
            ("crossValidation", .string("leave one suite out: crossValidatedNDCG10 is the mean over suites of the test-half nDCG@10 of weights fitted without that suite")),
            ("feedback", .string("RM3: 10 feedback documents, 20 expansion terms, original query weight 0.5")),
            ("tokenizer", .string("bigram; word BM25 over the dictionary tokenizer")),
            ("command", .string(command)),
        ])
        return DocumentWeights(suite: "all", weights: RecommendationWeights(features), lsaDimensions: dimensions, fitting: fitting,
                               crossValidatedNDCG: suiteMean(heldOut.map { Self.mean($0.model) }),
                               testNDCG: suiteMean(tables.map { $0.meanNDCG($0.test, weights: rounded) }),
                               testTextOnlyNDCG: suiteMean(tables.map { $0.meanNDCG($0.test, weights: LeaveOneSuiteOut.alone(.tfidf)) }))
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
