import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieJSON
import DuijieRanking
import DuijieVectors
import Foundation

/// `DuijieBench latency --corpus DIR`: what a corpus costs at its size — load and build
/// time, peak memory, shortlist latency percentiles and batch throughput; prints JSON.
struct LatencyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "latency",
        abstract: "Time loading, building the recommender (or loading a saved one), demand shortlists (p50/p99) and batch matching; print JSON.",
        discussion: """
        Shortlists: --queries demands drawn with a seed, each ranked against all achievements \
        (`recommend` with its defaults, top 10, explanations included), one at a time after one \
        warm-up query. Batch: --batch demands (repeating the corpus's demands when it has fewer) \
        against all achievements by the lexical score, top 10, on all threads. Peak memory is \
        the process's resident high-water mark (VmHWM) after all phases.
        """
    )

    @Option(help: "The corpus directory (load it and build the recommender).") var corpus: String?
    @Option(help: "A saved index (`duijie index`): load the recommender from it instead of building one.") var index: String?
    @Option(help: "Shortlist queries to time.") var queries = 200
    @Option(help: "Demands in the batch phase (0 skips it).") var batch = 100_000
    @Option(help: "LSA dimensions.") var dimensions = 64
    @Option(help: "Random seed for drawing the queries.") var seed: UInt64 = 20261121
    @Option(help: "A file of demand ids, one per line, to query instead of drawing them (the server benchmark's queries).") var queryFile: String?
    @Flag(help: "Explain in shared words (as duijie recommend does) instead of scoring terms.") var words = false
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if (corpus == nil) == (index == nil) { throw ValidationError("give either --corpus or --index") }
        try CountLimits.check(queries, "--queries", in: CountLimits.items)
        try CountLimits.check(batch, "--batch", in: 0...CountLimits.items.upperBound)
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
    }

    func run() throws {
        var report: [(String, JSONValue)] = []
        func timed(_ body: () throws -> Void) rethrows -> Double { try medianSeconds(runs: 1, body) }
        let loadStart = ContinuousClock.now
        var recommender: Recommender?
        let loaded: Corpus
        if let index {
            recommender = try RecommenderIndex.load(index, wordExplanations: words)
            loaded = recommender!.corpus
        } else {
            loaded = try CorpusLoader.loadValidated(corpus ?? "").corpus
        }
        let loadSeconds = seconds(ContinuousClock.now - loadStart)
        guard !loaded.demands.isEmpty else {
            throw DuijieError(.invalidInput, "\(corpus ?? index ?? ""): the corpus has no demands to query with")
        }
        report += [("achievements", .number(Double(loaded.achievements.count))), ("demands", .number(Double(loaded.demands.count))),
                   ("source", .string(index == nil ? "corpus" : "index")),
                   ("load_seconds", .number(loadSeconds)), ("memory_after_load_mb", .number(ProcessMemory.megabytes("VmRSS")))]
        if recommender == nil {
            let analyzer = try analysis.makeAnalyzer()
            let sharedWords = words ? try TextResources.sharedWords(for: analyzer) : nil
            let buildSeconds = try timed {
                recommender = try Recommender(corpus: loaded, analyzer: analyzer, lsaDimensions: dimensions, sharedWords: sharedWords)
            }
            report.append(("build_seconds", .number(buildSeconds)))
            report.append(("memory_after_build_mb", .number(ProcessMemory.megabytes("VmRSS"))))
        }

        var random = SplitMix64(seed: seed)
        var picks = (0..<queries).map { _ in loaded.demands[random.nextIndex(below: loaded.demands.count)].id }
        if let queryFile {
            picks = try String(contentsOfFile: queryFile, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
            if let unknown = picks.first(where: { loaded.demand($0) == nil }) {
                throw DuijieError(.invalidInput, "\(queryFile): \(unknown) is not a demand of the corpus")
            }
            guard !picks.isEmpty else { throw DuijieError(.invalidInput, "\(queryFile): no demand ids") }
        }
        _ = recommender!.recommend(for: picks[0], target: .achievement, top: 10)
        var latencies: [Double] = []
        for id in picks {
            latencies.append(timed { _ = recommender!.recommend(for: id, target: .achievement, top: 10) })
        }
        latencies.sort()
        report += [("queries", .number(Double(picks.count))), ("latency_p50_ms", .number(percentile(0.50, ofSorted: latencies) * 1000)),
                   ("latency_p99_ms", .number(percentile(0.99, ofSorted: latencies) * 1000)), ("latency_max_ms", .number((latencies.last ?? 0) * 1000))]

        if batch > 0 {
            let demands = (0..<batch).map { loaded.demands[$0 % loaded.demands.count] }
            let matcher = recommender!.achievements
            var checksum = 0.0
            let batchSeconds = timed {
                checksum = matcher.match(demands: demands, top: 10).reduce(0.0) { $0 + Double($1.first?.score ?? 0) }
            }
            report += [("batch_demands", .number(Double(batch))), ("batch_seconds", .number(batchSeconds)),
                       ("batch_demands_per_second", .number(Double(batch) / batchSeconds)), ("batch_checksum", .number(checksum))]
        }
        report.append(("peak_memory_mb", .number(ProcessMemory.megabytes("VmHWM"))))
        print(JSONWriter.string(.object(report)))
    }
}
