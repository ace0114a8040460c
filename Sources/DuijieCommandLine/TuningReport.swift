import DuijieRanking

/// How a weight fitting reads on the command line (`duijie tune`, `DuijieBench tune`): the fitted
/// weights on one line, then nDCG@10 held out on the tuning half and on the test half beside
/// each feature alone.
package enum TuningReport {
    /// The weights line and the table, ready to print.
    package static func text(_ result: DocumentTuning.Result, features: [RankingFeatures.Name], lsaDimensions: Int) -> String {
        let fitted = result.crossValidation
        let listed = features.map { "\($0.name(chinese: false)) \(String(fitted.weights.features[$0]))" }
        let names = result.testNDCGByFeature.map { $0.feature.name(chinese: false) + " alone" }
        let table = TextTable.render([
            ["nDCG@10", "queries", "fitted"] + names,
            ["tune, held out", String(fitted.queries), String(format: "%.4f", fitted.heldOutNDCG)] + names.map { _ in "" },
            ["test", String(result.testQueries), String(format: "%.4f", result.testNDCG)] + result.testNDCGByFeature.map { String(format: "%.4f", $0.ndcg) },
        ], rightAligned: Set(1...(names.count + 2)))
        return "weights: \(listed.joined(separator: ", ")) (LSA k = \(lsaDimensions))\n" + table
    }

    /// The method of a fitting, as a weights file records it.
    package static let method = "5-fold cross-validation over the tuning half (dealt by a seeded shuffle); coordinate ascent on nDCG@10 per fold, grid 0.05; weights are the mean of the folds' weights rounded to 0.05"
}
