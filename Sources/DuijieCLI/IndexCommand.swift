import ArgumentParser
import DuijieBase
import DuijieCommandLine
import DuijieCorpus
import DuijieRanking
import DuijieVectors
import Foundation
import SystemPackage

/// `duijie index DIR -o FILE`: build a corpus's recommender once (every text index, the LSA
/// models, the graph) and save it with the corpus's records.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build a corpus's recommender (text indexes, LSA models, graph) and save it with the records.",
        discussion: """
        The file is versioned and checksummed, written to a temporary file and renamed into place, \
        and loaded by memory-mapping: `duijie recommend --index FILE`, `duijie pair EVENT --index \
        FILE` and `duijie match --index FILE --text "…"` work from it without the corpus. A \
        truncated or corrupted index is reported, never trusted. `duijie update` takes \
        changes into it later; `--merge INDEX` folds them into a new base.

        With --shards N, the output is a directory: N shard files of the achievements' text \
        index (TF-IDF and LSA), each holding a contiguous run of achievements with the statistics \
        of the whole corpus, so that each scores its documents exactly as one index would, and \
        plan.json listing them. `duijie shard-serve` serves one shard; the Ray coordinator in \
        Coordinator/ serves them all (docs/scale-out.md).

        Examples:
          duijie index Corpus/demo -o demo.index --progress
          duijie index --merge demo.index
          duijie index Corpus/demo --shards 3 -o demo-shards
        """
    )

    @Argument(help: "The corpus directory.") var corpus: String?
    @Option(name: [.short, .customLong("output")], help: "The index file to write (with --shards, the directory).") var output: String?
    @Option(help: "Merge the updates of this index (`duijie update`) into a new base instead of building from a corpus.") var merge: String?
    @Option(help: "LSA dimensions (the recommender's default is 64).") var dimensions = 64
    @Option(help: "Split the achievements' text index into this many shards, written with plan.json into the --output directory.") var shards: Int?
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @Flag(help: "Report each part as it is built, with the time so far and the resident memory, on standard error.") var progress = false
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if merge != nil && (corpus != nil || output != nil) { throw ValidationError("--merge INDEX takes no corpus and no --output: the index is merged in place") }
        if merge == nil && (corpus == nil || output == nil) { throw ValidationError("give a corpus directory and --output FILE, or --merge INDEX") }
        if merge != nil && shards != nil { throw ValidationError("--shards builds from a corpus; it does not apply to --merge") }
        try CountLimits.check(shards, "--shards", in: 1...1024)
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
        try CountLimits.check(threads, "--threads", in: CountLimits.threads)
    }

    func run() throws {
        // A build's large temporaries go back to the system as soon as they are freed.
        AllocatorSettings.mapLargeBlocksSeparately()
        let start = Date()
        let report: ((String) -> Void)? = progress ? { message in
            let seconds = Date().timeIntervalSince(start)
            let gibibytes = ProcessMemory.megabytes("VmRSS") / 1024
            printError(String(format: "[%6.1f s, %5.2f GiB] ", seconds, gibibytes) + message)
        } : nil
        let parallelism = threads.map(Parallelism.init(threads:)) ?? .automatic
        if let merge {
            let (generation, merged) = try LiveIndex.merge(merge, parallelism: parallelism, progress: report)
            print(merged ? "\(merge): merged; generation \(generation) is now the base" : "\(merge): no updates to merge; generation \(generation)")
            return
        }
        guard let corpus, let output else { return }
        if let shards {
            try writeShards(corpus: corpus, directory: output, shards: shards, parallelism: parallelism, report: report)
            return
        }
        try OutputPath.checkFile(output, inputs: [corpus])
        let fingerprint = TextIndex.fingerprint(ofCorpus: corpus)
        let loaded: Corpus = try CorpusLoader.loadValidated(corpus).corpus
        report?("corpus loaded: \(loaded.achievements.count) achievements")
        let recommender = try Recommender(corpus: loaded, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions,
                                          parallelism: parallelism, progress: report)
        // The record files are copied into the index as it is written (never held whole), and
        // must be the ones the recommender was built from.
        guard TextIndex.fingerprint(ofCorpus: corpus) == fingerprint else {
            throw DuijieError(.invalidInput, "\(corpus): the corpus changed while it was being indexed; run `duijie index` again")
        }
        try RecommenderIndex.write(recommender, corpusDirectory: corpus, corpusFingerprint: fingerprint, to: output)
        report?("written: \(output)")
        let matcher = recommender.achievements
        print("indexed \(loaded.achievements.count) achievements, \(matcher.terms.statistics.terms.count) terms, LSA k = \(matcher.semanticModel?.dimensions ?? 0), with experts, institutions, demands, enterprises and the graph → \(output)")
    }

    /// Builds the achievements' text index once (global statistics, one LSA basis) and writes
    /// it as `shards` shard files and a plan into `directory`.
    private func writeShards(corpus: String, directory: String, shards: Int, parallelism: Parallelism, report: ((String) -> Void)?) throws {
        // A directory holding only an earlier plan and its shards is replaced without asking.
        let earlier = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { name in
            name == ShardPlan.fileName || (name.hasPrefix("shard-") && name.hasSuffix(".index"))
        }
        try OutputPath.checkDirectory(directory, force: false, ownEntries: Set(earlier), inputs: [corpus])
        let fingerprint = TextIndex.fingerprint(ofCorpus: corpus)
        let loaded: Corpus = try CorpusLoader.loadValidated(corpus).corpus
        guard loaded.achievements.count >= shards else {
            throw ValidationError("--shards \(shards): the corpus has only \(loaded.achievements.count) achievements; every shard needs one")
        }
        report?("corpus loaded: \(loaded.achievements.count) achievements")
        let matcher = try TextMatcher(corpus: loaded, analyzer: try analysis.makeAnalyzer(), semantic: RandomizedSVD.Options(rank: dimensions),
                                      parallelism: parallelism).retainingPostingsOnly()
        report?("achievements indexed: \(matcher.terms.statistics.terms.count) terms, LSA k = \(matcher.semanticModel?.dimensions ?? 0)")
        guard TextIndex.fingerprint(ofCorpus: corpus) == fingerprint else {
            throw DuijieError(.invalidInput, "\(corpus): the corpus changed while it was being indexed; run `duijie index` again")
        }
        var taxonomy: [String: [UInt8]] = [:]
        for kind in [RecordKind.region, .field] {
            let file = FilePath(corpus).appending(kind.fileName).string
            if FileManager.default.fileExists(atPath: file) { taxonomy[kind.fileName] = try CorpusLoader.readBytes(file, displayName: kind.fileName) }
        }
        let plan = try ShardIndex.write(matcher, corpus: loaded, taxonomyFiles: taxonomy, corpusFingerprint: fingerprint, shards: shards,
                                        to: directory, progress: report)
        for name in earlier where name != ShardPlan.fileName && !plan.shards.contains(where: { $0.file == name }) {
            try? FileManager.default.removeItem(atPath: FilePath(directory).appending(name).string)
        }
        let sizes = plan.shards.map { String($0.documents) }.joined(separator: ", ")
        print("indexed \(plan.totalDocuments) achievements in \(shards) shards (\(sizes)), \(matcher.terms.statistics.terms.count) terms, LSA k = \(plan.lsaDimensions) → \(directory)/\(ShardPlan.fileName)")
    }
}
