import DuijieCorpus
import DuijieRanking

/// The demo corpus and a recommender over it, built once for every test that reads them (it is
/// immutable, and building it is the slow part).
public enum DemoRecommender {
    /// The loaded demo corpus and its recommender (64 LSA dimensions, the default analyzer).
    public static let shared: (corpus: Corpus, recommender: Recommender) = {
        let corpus = try! CorpusLoader.loadValidated(RepositoryFiles.demoCorpus).corpus
        return (corpus, try! Recommender(corpus: corpus, analyzer: try! TextResources.makeAnalyzer(), lsaDimensions: 64))
    }()
}
