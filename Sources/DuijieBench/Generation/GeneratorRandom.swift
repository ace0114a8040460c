import DuijieBase
import DuijieVectors
import Foundation

/// The generator's seeded randomness: a `SplitMix64` per record and purpose, so that a record's
/// draws depend only on the seed, the purpose and the record's position — not on what was drawn
/// before it, nor on how many threads compose records.
///
/// Draws are Duijie's own (`SplitMix64`'s bounded integers and shuffle, 53-bit doubles here) rather than taken
/// from the standard library's `random(in:using:)`, whose algorithms are not promised to stay
/// the same across Swift versions: the same options and seed must give the same bytes.
struct GeneratorRandom {
    /// What a stream of draws is for; each purpose has its own streams.
    enum Purpose: UInt64 {
        case institutions = 1, enterprises, experts, ownerSlots, expertSlots, enterpriseSlots
        case achievementPlan, achievementText, demandPlan, demandText
        case relationPlan, relationSlots, relationText, sourceGroups, names
    }

    private var generator: SplitMix64

    /// The stream for `purpose` and record `index` under `seed`.
    init(seed: UInt64, _ purpose: Purpose, _ index: Int = 0) {
        var mixer = SplitMix64(seed: seed ^ (purpose.rawValue &* 0xD1B5_4A32_D192_ED03))
        let base = mixer.next()
        var indexed = SplitMix64(seed: base &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        generator = SplitMix64(seed: indexed.next())
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { generator.next() }

    /// A uniform integer in `0..<bound` (Lemire's method, `SplitMix64.nextIndex(below:)`).
    mutating func below(_ bound: Int) -> Int { generator.nextIndex(below: bound) }

    /// A uniform double in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `true` with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    /// A uniform element of a non-empty array.
    mutating func element<Element>(of array: [Element]) -> Element { array[below(array.count)] }

    /// A Pareto variate with minimum 1 and tail exponent `alpha`: P(X > x) = x^−alpha.
    mutating func pareto(alpha: Double) -> Double { pow(1 - unit(), -1 / alpha) }

    /// A log-normal factor with median 1 and log standard deviation `sigma` (Box–Muller).
    mutating func logNormal(sigma: Double) -> Double {
        let u = 1 - unit()
        let v = unit()
        return exp(sigma * (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
    }

    /// A skewed index in `0..<count`: `count · u^power`, so low indices are drawn far more often
    /// (share of index r ∝ r^(1/power − 1)): a few very active members, a long tail of rare ones.
    mutating func skewedIndex(_ count: Int, power: Double) -> Int {
        min(count - 1, Int(Double(count) * pow(unit(), power)))
    }

    /// Shuffles `array` in place (Fisher–Yates, `seededShuffle(using:)`).
    mutating func shuffle<Element>(_ array: inout [Element]) { array.seededShuffle(using: &generator) }
}
