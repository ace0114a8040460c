/// Which queries and documents an evaluation counts.
public struct EvaluationOptions: Sendable, Equatable {
    /// Drop unjudged documents from each ranking before measuring (condensed lists, Sakai 2007):
    /// for incomplete judgments, so an unjudged document is not silently counted as non-relevant.
    public var judgedOnly: Bool
    /// Leave out queries that have no relevant document; by default they count as 0, as in ranx.
    public var onlyAnswerable: Bool

    /// Creates options; by default every judged query counts and every ranked document stays.
    public init(judgedOnly: Bool = false, onlyAnswerable: Bool = false) {
        self.judgedOnly = judgedOnly
        self.onlyAnswerable = onlyAnswerable
    }
}

/// Metric values of one run: per query, and their means.
public struct EvaluationReport: Sendable {
    /// The measured metrics, in the order asked.
    public let metrics: [Metric]
    /// The evaluated queries, sorted.
    public let queries: [String]
    /// Per metric, one value per query (aligned with `queries`).
    public let values: [Metric: [Double]]

    /// The mean of a metric over the queries (0 when there are none).
    public func mean(_ metric: Metric) -> Double {
        let list = values[metric] ?? []
        return list.isEmpty ? 0 : list.reduce(0, +) / Double(list.count)
    }
}

/// Evaluates runs against judgments.
public enum Evaluator {
    /// Measures `run` against `qrels` for every query of the judgments (a query the run lacks has
    /// an empty ranking).
    ///
    /// - Complexity: O(Σ ranking lengths · metrics).
    public static func evaluate(_ run: TRECRun, qrels: Qrels, metrics: [Metric], options: EvaluationOptions = .init()) -> EvaluationReport {
        var queries: [String] = []
        var values: [Metric: [Double]] = [:]
        for query in qrels.queryIDs {
            let judgments = qrels.judgments[query] ?? [:]
            if options.onlyAnswerable && !judgments.values.contains(where: { $0 > 0 }) { continue }
            var ranking = run.ranking(for: query)
            if options.judgedOnly { ranking = ranking.filter { judgments[$0] != nil } }
            queries.append(query)
            for metric in metrics { values[metric, default: []].append(metric.value(ranking, judgments)) }
        }
        return EvaluationReport(metrics: metrics, queries: queries, values: values)
    }
}
