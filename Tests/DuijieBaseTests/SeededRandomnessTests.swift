@testable import DuijieBase
import Testing

/// The seeded draws and shuffle are fixed algorithms (SplitMix64, Lemire's bounded draw,
/// Fisher–Yates), so their output is pinned. The expected values come from a Python transcription
/// of the same three algorithms with arbitrary-precision integers (not from this code).
@Suite struct SeededRandomnessTests {
    @Test func boundedDrawsAreLemiresMethodOverSplitMix64() {
        var generator = SplitMix64(seed: 2026)
        let draws = [1, 2, 3, 10, 1000, 1 << 40].map { generator.nextIndex(below: $0) }
        #expect(draws == [0, 0, 2, 3, 791, 798_689_882_486])
    }

    @Test func shuffleIsFisherYatesWithThoseDraws() {
        var generator = SplitMix64(seed: 7)
        var values = Array(0..<10)
        values.seededShuffle(using: &generator)
        #expect(values == [9, 5, 8, 6, 1, 2, 4, 7, 0, 3])
    }

    @Test func drawsStayInRangeAndCoverIt() {
        var generator = SplitMix64(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let draw = generator.nextIndex(below: 7)
            #expect((0..<7).contains(draw))
            seen.insert(draw)
        }
        #expect(seen.count == 7)
    }
}
