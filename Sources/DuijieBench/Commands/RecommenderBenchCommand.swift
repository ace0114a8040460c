import ArgumentParser
import DuijieCommandLine
import DuijieCorpus
import DuijieEvaluation
import DuijieJSON
import DuijieRanking
import Foundation

/// `DuijieBench recommender`: fit and measure the recommender's weights on the demo judgments.
struct RecommenderBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommender",
        abstract: "Fit the recommender's feature weights on the demo corpus's judgments, by cross-validation.",
        discussion: """
        For one direction (--source, --target): the judged sources are dealt into --folds folds \
        by a seeded shuffle; each fold is ranked by weights fitted (coordinate ascent on nDCG@10) \
        on the others. Prints the cross-validated nDCG@10 beside text similarity alone, and the \
        fitted weights (the folds' mean, rounded to 0.05). With --all, does every direction; \
        --write saves the result as the shipped weights file and --swift as its compiled-in copy:

          DuijieBench recommender --all --write Corpus/weights/recommender.json \\
            --swift Sources/DuijieRanking/Pipeline/ShippedWeights+File.swift
        """
    )

    @Option(help: "The demo corpus folder.") var demoCorpus = "Corpus/demo"
    @Option(help: "What the queries are: demand or achievement.") var source: Source = .demand
    @Option(help: "What to recommend: achievement, expert or institution (for demands); demand or enterprise (for achievements).")
    var target: RecommendationTarget = .achievement
    @Flag(help: "Every direction: demand → achievement, expert, institution; achievement → demand, enterprise.") var all = false
    @Option(help: "Folds of the cross-validation.") var folds = 5
    @Option(help: "Seed of the shuffle that deals sources into folds.") var seed: UInt64 = 7
    @Option(help: "Write the weights file here (with --all).") var write: String?
    @Option(help: "Write the compiled-in copy of the weights file here (with --all and --write).") var swift: String?

    enum Source: String, ExpressibleByArgument, CaseIterable { case demand, achievement }
    @Option(help: "LSA dimensions.") var dimensions = 64
    @OptionGroup var analysis: AnalysisOptions

    static let directions: [(Source, RecommendationTarget)] = [
        (.demand, .achievement), (.demand, .expert), (.demand, .institution), (.achievement, .demand), (.achievement, .enterprise),
    ]
    static let judgmentFiles = ["demand-achievement.qrels", "demand-expert.qrels"]

    func validate() throws {
        if folds < 2 || folds > 100 { throw ValidationError("--folds must be between 2 and 100") }
        if write != nil && !all { throw ValidationError("--write needs --all (the file holds every direction)") }
        if swift != nil && write == nil { throw ValidationError("--swift needs --write") }
    }

    func run() throws {
        let corpus: Corpus
        let judgments: [Qrels]
        do {
            corpus = try CorpusLoader.loadValidated(demoCorpus).corpus
            judgments = try Self.judgmentFiles.map { name in
                let file = demoCorpus + "/qrels/" + name
                return try Qrels(parsing: String(contentsOfFile: file, encoding: .utf8), fileName: file)
            }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        let recommender = try Recommender(corpus: corpus, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions)
        var entries: [WeightsFile.Entry] = []
        for (source, target) in all ? Self.directions : [(source, target)] {
            let sourceKind: RecordKind = source == .demand ? .demand : .achievement
            guard let qrels = RecommenderTuning.judgments(source: sourceKind, target: target, achievements: judgments[0],
                                                           experts: judgments[1], corpus: corpus) else {
                throw ValidationError("no judgments for \(source.rawValue) → \(target.rawValue) (supported: demand → achievement, expert, institution; achievement → demand, enterprise)")
            }
            let result = RecommenderTuning.crossValidate(recommender, qrels: qrels, target: target, folds: folds, seed: seed)
            let shipped = RecommendationWeights.defaults(for: target)
            print("\(source.rawValue) → \(target.rawValue): \(result.queries) judged \(source.rawValue)s, \(folds) folds, seed \(seed)")
            let weights = recommender.configuration.features.map { $0.name(chinese: false) + " " + String(result.weights.features[$0]) }
            print("  weights: " + weights.joined(separator: ", "))
            let measured = "  nDCG@10 held out " + String(format: "%.4f", result.heldOutNDCG) + ", text alone " + String(format: "%.4f", result.textOnlyNDCG)
            print(measured + (shipped == result.weights ? " (the shipped weights)" : ""))
            if shipped != result.weights {
                let before = RecommenderTuning.meanNDCG(recommender, qrels: qrels, target: target, weights: shipped)
                print("  the shipped weights: nDCG@10 " + String(format: "%.4f", before) + " over every judged source (not held out)")
            }
            entries.append(WeightsFile.Entry(source: source.rawValue, target: target, weights: result.weights,
                                             crossValidatedNDCG: result.heldOutNDCG, textOnlyNDCG: result.textOnlyNDCG, queries: result.queries))
        }
        guard let write else { return }
        let fitting = JSONValue.object([
            ("corpus", .string(demoCorpus)), ("judgments", .array(Self.judgmentFiles.map { .string("qrels/" + $0) })),
            ("method", .string("\(folds)-fold cross-validation over the judged sources (dealt by a seeded shuffle); coordinate ascent on nDCG@10 per fold, grid 0.05; weights are the mean of the folds' weights rounded to 0.05")),
            ("folds", .number(Double(folds))), ("seed", .number(Double(seed))), ("lsaDimensions", .number(Double(dimensions))),
            ("tokenizer", .string(analysis.mode.rawValue)),
            ("command", .string("DuijieBench recommender --all --write Corpus/weights/recommender.json --swift Sources/DuijieRanking/Pipeline/ShippedWeights+File.swift")),
        ])
        let text = WeightsFile(fitting: fitting, entries: entries).text
        do {
            try AtomicFile.write(text, to: write)
            if let swift {
                try AtomicFile.write(Self.swiftSource(fileText: text), to: swift)
            }
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        print("wrote \(write)" + (swift.map { " and \($0)" } ?? ""))
    }

    /// The compiled-in copy of the weights file.
    static func swiftSource(fileText: String) -> String {
        """
        // Written by `DuijieBench recommender --all --write Corpus/weights/recommender.json --swift <this file>`:
        // the same bytes as Corpus/weights/recommender.json (a test checks). Do not edit by hand.

        extension ShippedWeights {
            /// The text of `Corpus/weights/recommender.json`.
            static let fileText = #\"\"\"
        \(fileText)
        \"\"\"#
        }

        """
    }
}
