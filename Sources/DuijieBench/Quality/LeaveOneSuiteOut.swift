import DuijieEvaluation
import DuijieVectors

/// Leave-one-suite-out fitting of one weighting of ranking signals: for each suite, weights are
/// fitted on the tuning halves of all the *other* suites and measured on the held-out suite's
/// test half, so the score says what the weighting does on data it has never seen.
enum LeaveOneSuiteOut {
    /// What one held-out suite's test half scores.
    struct HeldOut: Sendable {
        /// The held-out suite.
        let suite: String
        /// The weights fitted without it (`SuiteFeatureTable.Signal.allCases` order).
        let weights: [Float]
        /// Per test query, nDCG@10 of those weights.
        let model: [Double]
        /// Per test query, nDCG@10 of BM25 alone.
        let bm25: [Double]
        /// Per test query, nDCG@10 of TF-IDF alone.
        let tfidf: [Double]
    }

    /// The grid step of coordinate ascent.
    static let step: Float = 0.05

    /// What the fitting maximizes over the training suites' tuning halves.
    enum Objective: String, CaseIterable, Sendable {
        /// The mean over suites of each suite's mean nDCG@10: suites with high scores weigh most.
        case meanNDCG = "mean"
        /// The mean over suites of each suite's mean nDCG@10 divided by BM25's there: every
        /// suite's relative gain counts the same, whether it scores 0.07 or 0.98.
        case meanRatio = "ratio"
    }

    /// Fits weights for `signals` on the tuning halves of `tables` by coordinate ascent on
    /// `objective` (every suite counts the same, however many queries it has), starting from
    /// equal weights.
    static func fit(_ tables: [SuiteFeatureTable], signals: [SuiteFeatureTable.Signal], objective: Objective = .meanRatio) -> [Float] {
        let columns = signals.map { SuiteFeatureTable.Signal.allCases.firstIndex(of: $0)! }
        func expand(_ values: [Float]) -> [Float] {
            var weights = [Float](repeating: 0, count: SuiteFeatureTable.Signal.allCases.count)
            for (column, value) in zip(columns, values) { weights[column] = value }
            return weights
        }
        let baselines = tables.map { max(1e-9, $0.meanNDCG($0.tuning, weights: alone(.bm25))) }
        let (fitted, _) = CoordinateAscent.maximize(count: signals.count, step: step) { values in
            let weights = expand(values)
            let scores = tables.map { $0.meanNDCG($0.tuning, weights: weights) }
            let ratios = zip(scores, baselines).map { $0 / $1 }
            let count = Double(max(1, tables.count))
            switch objective {
            case .meanNDCG: return scores.reduce(0, +) / count
            case .meanRatio: return ratios.reduce(0, +) / count
            }
        }
        return expand(fitted)
    }

    /// For each table, weights fitted on the others' tuning halves and measured on its test half.
    static func evaluate(_ tables: [SuiteFeatureTable], signals: [SuiteFeatureTable.Signal], objective: Objective) -> [HeldOut] {
        Parallelism.automatic.mapChunks(count: tables.count, minimumChunk: 1) { range in range.map { heldOut in
            let training = tables.indices.filter { $0 != heldOut }.map { tables[$0] }
            let weights = fit(training, signals: signals, objective: objective)
            let table = tables[heldOut]
            return HeldOut(suite: table.suite, weights: weights, model: table.ndcgs(table.test, weights: weights),
                           bm25: table.ndcgs(table.test, weights: alone(.bm25)), tfidf: table.ndcgs(table.test, weights: alone(.tfidf)))
        } }.flatMap { $0 }
    }

    /// The weights of one signal alone.
    static func alone(_ signal: SuiteFeatureTable.Signal) -> [Float] {
        SuiteFeatureTable.Signal.allCases.map { $0 == signal ? 1 : 0 }
    }
}
