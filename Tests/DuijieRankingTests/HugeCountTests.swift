@testable import DuijieRanking
import DuijieTestSupport
import DuijieVectors
import Testing

/// Counts near `Int.max` from a program using the library: no arithmetic trap.
@Suite struct HugeCountTests {
    @Test func aShortlistOfIntMaxWithDiversityReturnsEveryCandidate() throws {
        let recommender = DemoRecommender.shared.recommender
        var filters = RecommendationFilters()
        filters.diversityLambda = 0.7
        // `top * 3` overflowed here; now the shortlist is as long as the candidates allow,
        // the same as with a top larger than the candidates but far from overflow.
        let huge = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: .max, filters: filters))
        let large = try #require(recommender.recommend(demand: "D-1012", target: .achievement, top: 1_000_000, filters: filters))
        #expect(!huge.isEmpty)
        #expect(huge.map(\.id) == large.map(\.id))
    }

    @Test func threadCountsAreClampedToTheMaximum() {
        // `threads * 4` chunks overflowed for huge counts.
        #expect(Parallelism(threads: .max).threads == Parallelism.maximumThreads)
        #expect(Parallelism(threads: -5).threads == 1)
        // 1,000 items in chunks of at least 64: 16 chunks (by hand: ⌈1000 / 64⌉), covering every item.
        let chunks = Parallelism(threads: .max).mapChunks(count: 1_000) { $0.count }
        #expect(chunks.count == 16 && chunks.reduce(0, +) == 1_000)
    }
}
