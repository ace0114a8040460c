@testable import DuijieEvaluation
import Foundation
import Testing

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

@Suite struct CoordinateAscentTests {
    @Test func findsTheMaximumOfAConcaveObjectiveOnTheSimplex() {
        // −(w₀ − 0.7)² − (w₁ − 0.3)² peaks at (0.7, 0.3), a point of the 0.05 grid on the simplex.
        let result = CoordinateAscent.maximize(count: 2) { w in -Double((w[0] - 0.7) * (w[0] - 0.7) + (w[1] - 0.3) * (w[1] - 0.3)) }
        #expect(abs(result.weights[0] - 0.7) < 1e-5 && abs(result.weights[1] - 0.3) < 1e-5)
        #expect(abs(result.value) < 1e-9)
    }

    @Test func aFlatObjectiveKeepsEqualWeights() {
        #expect(CoordinateAscent.maximize(count: 4) { _ in 1 }.weights == [0.25, 0.25, 0.25, 0.25])
    }
}
