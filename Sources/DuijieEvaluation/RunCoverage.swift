/// How well a run and the judgments fit together: the signs of a run made for other queries or
/// with other document ids, which would otherwise only show as low scores.
///
/// An evaluation measures the judged queries, so a run's query that the qrels lack is not
/// measured, a judged query the run lacks scores 0, and a run whose document ids differ from
/// the qrels' (`doc17` against `D17`) scores 0 everywhere. `problems` names each case found.
public struct RunCoverage: Sendable, Equatable {
    /// A mismatch between a run and the judgments, with the counts and the first ids to show.
    public enum Problem: Sendable, Equatable {
        /// Queries of the run that the qrels do not judge: `count` of the run's `total`; `first`
        /// holds up to five of them, sorted.
        case queriesNotJudged(count: Int, total: Int, first: [String])
        /// Measured queries the run has no ranking for (they score 0): `count`, `first` up to five.
        case judgedQueriesMissing(count: Int, first: [String])
        /// None of the run's `documents` distinct document ids appears anywhere in the qrels.
        case documentsUnknown(documents: Int)
        /// Some of the run's documents appear in the qrels, but for none of the `queries`
        /// measured queries it ranks is any ranked document judged for that query.
        case noDocumentJudgedForItsQuery(queries: Int)

        /// The problem in a sentence for `run` (the run's name), as `duijie eval` prints it.
        public func message(run: String) -> String {
            func list(_ ids: [String], _ count: Int) -> String {
                "(first: " + ids.joined(separator: ", ") + (count > ids.count ? ", …)" : ")")
            }
            switch self {
            case .queriesNotJudged(let count, let total, let first):
                return "run \(run): \(count) of \(total) \(total == 1 ? "query" : "queries") \(count == 1 ? "is" : "are") not in the qrels \(list(first, count)); "
                    + "\(count == 1 ? "it is" : "they are") not measured"
            case .judgedQueriesMissing(let count, let first):
                return "run \(run) has no ranking for \(count) judged \(count == 1 ? "query" : "queries") \(list(first, count)); \(count == 1 ? "it scores" : "they score") 0"
            case .documentsUnknown(let documents):
                return "none of run \(run)'s \(documents) \(documents == 1 ? "document appears" : "documents appear") in the qrels: "
                    + "are the document ids the same? Every query scores 0"
            case .noDocumentJudgedForItsQuery(let queries):
                return "run \(run): no ranked document is judged for its query in any of the \(queries) measured "
                    + "\(queries == 1 ? "query" : "queries") it ranks: do its query ids name the same queries as the qrels'? Every query scores 0"
            }
        }
    }

    /// The run's queries that the qrels do not judge, sorted.
    public let queriesNotJudged: [String]
    /// The number of queries in the run.
    public let runQueryCount: Int
    /// The measured queries (by `options`) the run has no ranking for, sorted.
    public let judgedQueriesMissing: [String]
    /// The number of distinct document ids the run ranks.
    public let distinctDocuments: Int
    /// How many of them the qrels judge for some query.
    public let documentsInQrels: Int
    /// The measured queries the run ranks documents for.
    public let rankedMeasuredQueries: Int
    /// How many of those have at least one ranked document judged for that query.
    public let queriesWithJudgedDocument: Int

    /// Checks `run` against `qrels`, for the queries an evaluation with `options` measures.
    ///
    /// - Complexity: O(judgments + Σ ranking lengths).
    public init(run: TRECRun, qrels: Qrels, options: EvaluationOptions = .init()) {
        let judgments = qrels.judgments
        let measured = Set(judgments.filter { !options.onlyAnswerable || $0.value.values.contains { $0 > 0 } }.keys)
        queriesNotJudged = run.queryIDs.filter { judgments[$0] == nil }
        runQueryCount = run.rankings.count
        judgedQueriesMissing = measured.filter { (run.rankings[$0] ?? []).isEmpty }.sorted()
        let judgedDocuments = Set(judgments.values.flatMap(\.keys))
        let documents = Set(run.rankings.values.flatMap { $0.map(\.document) })
        distinctDocuments = documents.count
        documentsInQrels = documents.filter(judgedDocuments.contains).count
        var ranked = 0
        var withJudged = 0
        for query in measured {
            guard let ranking = run.rankings[query], !ranking.isEmpty else { continue }
            ranked += 1
            let judged = judgments[query] ?? [:]
            if ranking.contains(where: { judged[$0.document] != nil }) { withJudged += 1 }
        }
        rankedMeasuredQueries = ranked
        queriesWithJudgedDocument = withJudged
    }

    /// The mismatches found, most telling first; empty when the run fits the judgments.
    public var problems: [Problem] {
        var found: [Problem] = []
        if distinctDocuments > 0 && documentsInQrels == 0 {
            found.append(.documentsUnknown(documents: distinctDocuments))
        } else if rankedMeasuredQueries > 0 && queriesWithJudgedDocument == 0 {
            found.append(.noDocumentJudgedForItsQuery(queries: rankedMeasuredQueries))
        }
        if !queriesNotJudged.isEmpty {
            found.append(.queriesNotJudged(count: queriesNotJudged.count, total: runQueryCount, first: Array(queriesNotJudged.prefix(5))))
        }
        if !judgedQueriesMissing.isEmpty {
            found.append(.judgedQueriesMissing(count: judgedQueriesMissing.count, first: Array(judgedQueriesMissing.prefix(5))))
        }
        return found
    }
}
