import ArgumentParser
import Duijie
import DuijieVectors
import Foundation

/// `duijie index DIR -o FILE`: build a corpus's recommender once (every text index, the LSA
/// models, the graph) and save it with the corpus's records.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build a corpus's recommender (text indexes, LSA models, graph) and save it with the records.",
        discussion: """
        The file is versioned and checksummed, written to a temporary file and renamed into place,
        and loaded by memory-mapping: `duijie recommend --index FILE`, `duijie pair EVENT --index
        FILE` and `duijie match --index FILE --text "…"` work from it without the corpus. A
        truncated or corrupted index is reported, never trusted.
        """
    )

    @Argument(help: "The corpus directory.") var corpus: String
    @Option(name: [.short, .customLong("output")], help: "The index file to write.") var output: String
    @Option(help: "LSA dimensions (the recommender's default is 64).") var dimensions = 64
    @Option(help: "Worker threads (default: all cores).") var threads: Int?
    @OptionGroup var analysis: AnalysisOptions

    func validate() throws {
        if dimensions < 1 { throw ValidationError("--dimensions must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let fingerprint = TextIndex.fingerprint(ofCorpus: corpus)
        let loaded: Corpus
        do { loaded = try CorpusLoader.loadValidated(corpus).corpus } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let recommender = try Recommender(corpus: loaded, analyzer: try analysis.makeAnalyzer(), lsaDimensions: dimensions,
                                          parallelism: threads.map(Parallelism.init(threads:)) ?? .automatic)
        do throws(CorpusError) {
            // The record files are read again only now (not held through the build), and must
            // be the ones the recommender was built from.
            let files = try CorpusLoader.recordFiles(of: corpus)
            guard TextIndex.fingerprint(ofCorpus: corpus) == fingerprint else {
                throw CorpusError("\(corpus): the corpus changed while it was being indexed; run `duijie index` again")
            }
            try RecommenderIndex.write(recommender, corpusFiles: files, corpusFingerprint: fingerprint, to: output)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        let matcher = recommender.achievements
        print("indexed \(loaded.achievements.count) achievements, \(matcher.terms.statistics.terms.count) terms, LSA k = \(matcher.semanticModel?.dimensions ?? 0), with experts, institutions, demands, enterprises and the graph → \(output)")
    }
}
