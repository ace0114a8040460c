import DuijieRanking
import DuijieVectors

/// Fits the weights of the `documents` configuration on a suite: `DocumentTuning` over the
/// suite's tuning half, measured on its test half.
public enum SuiteTuning {
    /// Fits weights for `recommender`'s features on `suite`'s tuning half and measures the test half.
    package static func tune(_ suite: QualitySuite, recommender: Recommender, parallelism: Parallelism = .automatic) -> DocumentTuning.Result {
        DocumentTuning.tune(recommender: recommender, tuning: suite.tuningQueries(.tune), test: suite.tuningQueries(.test), qrels: suite.qrels,
                            parallelism: parallelism)
    }
}

extension QualitySuite {
    /// The queries of one part as weight fitting takes them: each one's text, fields and
    /// excluded document.
    package func tuningQueries(_ part: Part) -> [DocumentTuning.Query] {
        queries(part).map { DocumentTuning.Query(id: $0.id, text: $0.text(in: corpus), fields: $0.fields, excludedDocument: $0.excludedDocument) }
    }
}
