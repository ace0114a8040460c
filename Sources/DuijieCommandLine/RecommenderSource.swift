import ArgumentParser
import DuijieCorpus
import DuijieRanking
import Foundation

/// Where a command's recommender comes from: a corpus directory, built on the spot, or a saved
/// index (`duijie index`), loaded with the corpus it holds.
package struct RecommenderSource: ParsableArguments {
    /// Options with their defaults, as the argument parser needs them.
    package init() {}

    @Option(help: "The corpus directory (the recommender is built from it).") package var corpus: String?
    @Option(help: "A saved index (`duijie index`) to load instead of --corpus; its analyzer and LSA dimensions apply.") package var index: String?
    @Option(help: "LSA dimensions (with --corpus).") package var dimensions = 64

    package func validate() throws { try location.validate() }

    /// The parsed options as a value that other commands can make too.
    package var location: RecommenderLocation { RecommenderLocation(corpus: corpus, index: index, dimensions: dimensions) }

    /// The recommender, loaded from the index or built from the corpus; with
    /// `wordExplanations`, its explanations show shared words (the jieba dictionary is loaded).
    package func makeRecommender(analysis: AnalysisOptions, wordExplanations: Bool = false) throws -> Recommender {
        try location.makeRecommender(analysis: analysis, wordExplanations: wordExplanations)
    }
}

/// Where a recommender comes from — a corpus directory to build it from, or a saved index — as
/// a plain value (`RecommenderSource` is its command-line form).
package struct RecommenderLocation: Sendable {
    /// The corpus directory.
    package var corpus: String?
    /// The saved index.
    package var index: String?
    /// LSA dimensions when building from the corpus.
    package var dimensions: Int

    /// A location; exactly one of `corpus` and `index` should be given.
    package init(corpus: String?, index: String?, dimensions: Int = 64) {
        self.corpus = corpus
        self.index = index
        self.dimensions = dimensions
    }

    /// Checks that exactly one of corpus and index is given, and the dimensions.
    package func validate() throws {
        if (corpus == nil) == (index == nil) { throw ValidationError("give either --corpus or --index") }
        try CountLimits.check(dimensions, "--dimensions", in: CountLimits.dimensions)
    }

    /// The corpus directory or the index file, for messages.
    package var name: String { corpus ?? index ?? "" }

    /// The recommender, loaded from the index or built from the corpus; with
    /// `wordExplanations`, its explanations show shared words (the jieba dictionary is loaded).
    package func makeRecommender(analysis: AnalysisOptions, wordExplanations: Bool = false) throws -> Recommender {
        if let index {
            if let provenance = try? RecommenderIndex.provenance(index), provenance.corpusChanged {
                printError("warning: " + provenance.staleAdvice(index: index))
            }
            return try RecommenderIndex.load(index, wordExplanations: wordExplanations)
        }
        let loaded = try CorpusLoader.loadValidated(corpus ?? "").corpus
        let analyzer = try analysis.makeAnalyzer()
        return try Recommender(corpus: loaded, analyzer: analyzer, lsaDimensions: dimensions,
                               sharedWords: wordExplanations ? try TextResources.sharedWords(for: analyzer) : nil)
    }
}
