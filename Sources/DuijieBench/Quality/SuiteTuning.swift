import DuijieRanking
import DuijieVectors

/// Fits the weights of the `documents` configuration on a suite: `DocumentTuning` over the
/// suite's tuning half, measured on its test half.
public enum SuiteTuning {
    /// Fits weights for `recommender`'s features on `suite`'s tuning half and measures the test half.
    package static func tune(_ suite: QualitySuite, recommender: Recommender, parallelism: Parallelism = .automatic) -> DocumentTuning.Result {
        func queries(_ part: QualitySuite.Part) -> [DocumentTuning.Query] {
            suite.queries(part).map {
                DocumentTuning.Query(id: $0.id, text: $0.text(in: suite.corpus), fields: $0.fields, excludedDocument: $0.excludedDocument)
            }
        }
        return DocumentTuning.tune(recommender: recommender, tuning: queries(.tune), test: queries(.test), qrels: suite.qrels, parallelism: parallelism)
    }
}
