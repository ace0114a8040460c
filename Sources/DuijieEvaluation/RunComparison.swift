/// One run compared with a baseline run on one metric, over the same queries: the difference of
/// their means, its bootstrap interval, the randomization test's p-value, and that p-value
/// adjusted for the other comparisons of the same metric.
public struct RunComparison: Sendable, Equatable {
    /// Which runs are compared with which.
    public enum Pairs: Sendable, Equatable {
        /// Every later run with the first (the baseline).
        case withFirst
        /// Every run with every earlier one: run j with run i for all i < j.
        case all
    }

    /// The metric.
    public let metric: Metric
    /// The compared run's position in the reports.
    public let run: Int
    /// The baseline run's position in the reports (earlier than `run`).
    public let baseline: Int
    /// mean(run) − mean(baseline).
    public let difference: Double
    /// The lower bound of the 95% percentile bootstrap interval of the difference.
    public let lowerBound: Double
    /// The upper bound of the 95% percentile bootstrap interval of the difference.
    public let upperBound: Double
    /// The two-sided p-value of the paired randomization test.
    public let p: Double
    /// `p` adjusted by Holm–Bonferroni over every comparison of the same metric (equal to `p`
    /// when the metric has one comparison).
    public let adjustedP: Double

    /// The (baseline, run) positions compared for `runCount` runs, in the order the tables list
    /// them: by run, then by baseline.
    public static func positions(runCount: Int, pairs: Pairs) -> [(baseline: Int, run: Int)] {
        guard runCount > 1 else { return [] }
        switch pairs {
        case .withFirst: return (1..<runCount).map { (0, $0) }
        case .all: return (1..<runCount).flatMap { run in (0..<run).map { (baseline: $0, run: run) } }
        }
    }

    /// Compares runs measured on the same queries (`Evaluator.evaluate` with the same qrels and
    /// options), metric by metric; within each metric, the p-values of all its comparisons are
    /// adjusted together by `Significance.holmAdjusted`.
    ///
    /// - Parameters:
    ///   - reports: The runs' reports, aligned query by query.
    ///   - metrics: The metrics to compare, in the order wanted.
    ///   - pairs: Which runs are compared with which.
    ///   - trials: Permutations of each randomization test (seeded, so results repeat).
    /// - Returns: For each metric, its comparisons in the order of `positions(runCount:pairs:)`.
    /// - Complexity: O(metrics · comparisons · trials · queries).
    public static func compare(_ reports: [EvaluationReport], metrics: [Metric], pairs: Pairs, trials: Int = 10_000) -> [RunComparison] {
        let positions = positions(runCount: reports.count, pairs: pairs)
        var comparisons: [RunComparison] = []
        for metric in metrics {
            let raw = positions.map { pair in
                let values = reports[pair.run].values[metric] ?? []
                let base = reports[pair.baseline].values[metric] ?? []
                let interval = Significance.bootstrapInterval(values, base)
                return (pair, interval, Significance.randomizationTest(values, base, trials: trials))
            }
            let adjusted = Significance.holmAdjusted(raw.map(\.2))
            for ((pair, interval, p), adjustedP) in zip(raw, adjusted) {
                comparisons.append(RunComparison(
                    metric: metric, run: pair.run, baseline: pair.baseline,
                    difference: reports[pair.run].mean(metric) - reports[pair.baseline].mean(metric),
                    lowerBound: interval.lower, upperBound: interval.upper, p: p, adjustedP: adjustedP))
            }
        }
        return comparisons
    }
}
