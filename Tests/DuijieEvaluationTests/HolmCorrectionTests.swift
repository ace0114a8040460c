import DuijieEvaluation
import Testing

@Suite struct HolmCorrectionTests {
    @Test func adjustsByRankThenKeepsTheOrderMonotone() {
        // Hand calculation, m = 4, p = [0.01, 0.04, 0.03, 0.005]:
        //   sorted   0.005  0.01  0.03  0.04
        //   × m−i+1  × 4    × 3   × 2   × 1
        //          = 0.02   0.03  0.06  0.04
        //   largest so far: 0.02, 0.03, 0.06, 0.06 (0.04 is raised to 0.06)
        //   back in input order: [0.03, 0.06, 0.06, 0.02]
        let adjusted = Significance.holmAdjusted([0.01, 0.04, 0.03, 0.005])
        let expected = [0.03, 0.06, 0.06, 0.02]
        #expect(adjusted.count == 4)
        for (value, wanted) in zip(adjusted, expected) { #expect(abs(value - wanted) < 1e-12, "\(adjusted)") }
    }

    @Test func capsAtOneAndNeverLowersAPValue() {
        // [0.6, 0.7]: 0.6 × 2 = 1.2 → 1; 0.7 × 1 = 0.7, raised to the 1 before it.
        #expect(Significance.holmAdjusted([0.6, 0.7]) == [1, 1])
        // [0.3, 0.5]: 0.3 × 2 = 0.6; 0.5 × 1 = 0.5, raised to 0.6.
        let pair = Significance.holmAdjusted([0.5, 0.3])
        #expect(abs(pair[0] - 0.6) < 1e-12 && abs(pair[1] - 0.6) < 1e-12, "\(pair)")
        let raw = [0.2, 0.001, 0.049, 0.8, 0.03, 0.03]
        for (adjusted, p) in zip(Significance.holmAdjusted(raw), raw) { #expect(adjusted >= p && adjusted <= 1) }
    }

    @Test func tiesShareTheirValueAndAFamilyOfOneIsUnchanged() {
        // [0.02, 0.02, 0.5]: 0.02 × 3 = 0.06, 0.02 × 2 = 0.04 → 0.06, 0.5 × 1 = 0.5.
        let tied = Significance.holmAdjusted([0.02, 0.5, 0.02])
        #expect(abs(tied[0] - 0.06) < 1e-12 && abs(tied[2] - 0.06) < 1e-12 && tied[1] == 0.5, "\(tied)")
        #expect(Significance.holmAdjusted([0.04]) == [0.04])
        #expect(Significance.holmAdjusted([]) == [])
    }
}
