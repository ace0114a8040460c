import Foundation
import Testing
@testable import DuijieEvaluation

@Suite struct RankingMetricsTests {
    // Judgments: a = 3, b = 2, c = 0 (judged non-relevant), d = 1; e unjudged.
    let judgments = ["a": 3, "b": 2, "c": 0, "d": 1]

    @Test func ndcgByHand() {
        // Ranking e, a, c, b. DCG@4 = 0/1 + 3/log2 3 + 0/2 + 2/log2 5 = 1.892789 + 0.861353 = 2.754142.
        // Ideal (3, 2, 1): 3/1 + 2/log2 3 + 1/2 = 3 + 1.261860 + 0.5 = 4.761860. nDCG@4 = 0.578375.
        #expect(abs(RankingMetrics.ndcg(["e", "a", "c", "b"], judgments, k: 4) - 0.578_375) < 1e-6)
        // Cut at 2: DCG = 1.892789; ideal = 3 + 1.261860 = 4.261860; nDCG@2 = 0.444123.
        #expect(abs(RankingMetrics.ndcg(["e", "a", "c", "b"], judgments, k: 2) - 0.444_123) < 1e-6)
        // Exponential gains (7, 3, 1): DCG@4 = 7/log2 3 + 3/log2 5 = 4.416508 + 1.292030 = 5.708538;
        // ideal = 7 + 3/log2 3 + 1/2 = 7 + 1.892789 + 0.5 = 9.392789; nDCG = 0.607758.
        #expect(abs(RankingMetrics.ndcg(["e", "a", "c", "b"], judgments, k: 4, gain: .exponential) - 0.607_758) < 1e-6)
        #expect(RankingMetrics.ndcg(["a", "b", "d"], judgments, k: 10) == 1)
        #expect(RankingMetrics.ndcg(["a"], ["x": 0], k: 10) == 0)
    }

    @Test func reciprocalRankAndRecall() {
        #expect(RankingMetrics.reciprocalRank(["e", "c", "d", "a"], judgments) == 1.0 / 3)
        #expect(RankingMetrics.reciprocalRank(["e", "c"], judgments) == 0)
        #expect(RankingMetrics.recall(["e", "a", "c", "b"], judgments, k: 2) == 1.0 / 3)
        #expect(RankingMetrics.recall(["e", "a", "c", "b"], judgments, k: 10) == 2.0 / 3)
    }
}
