import ArgumentParser
import Duijie
import Foundation

/// `duijie index DIR -o FILE`: analyze, weight and decompose a corpus once; save the result.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build a corpus's text index (vocabulary, TF-IDF or BM25 matrix, LSA model) and save it.",
        discussion: """
        The file is versioned and checksummed, written to a temporary file and renamed into place,
        and loaded by memory-mapping: `duijie match --index FILE --text "…"` ranks without the
        corpus. A truncated or corrupted index is reported, never trusted.
        """
    )

    @Argument(help: "The corpus directory or plain document file.") var corpus: String
    @Option(name: [.short, .customLong("output")], help: "The index file to write.") var output: String
    @OptionGroup var rankingOptions: RankingOptions
    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let loaded: Corpus
        do { loaded = try CorpusLoader.loadValidated(corpus).corpus } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        var options = rankingOptions
        options.ranking = .semantic  // an index always carries the LSA model
        let matcher = try options.makeMatcher(corpus: loaded, analyzer: try analysis.makeAnalyzer())
        do {
            try TextIndex.write(matcher, titles: loaded.achievements.map(\.title), corpusFingerprint: TextIndex.fingerprint(ofCorpus: corpus), to: output)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        print("indexed \(loaded.achievements.count) achievements, \(matcher.terms.statistics.terms.count) terms, LSA k = \(matcher.semanticModel?.dimensions ?? 0) → \(output)")
    }
}
