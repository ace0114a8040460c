import DuijieBase
import DuijieVectors

/// The split of judged queries into a half that weights are fitted on and a half they are
/// measured on, the same on every run for the same seed.
public enum TuningSplit {
    /// The tuning half of a set of query ids: the first half of a seeded shuffle of the sorted ids.
    public static func tuningHalf(of ids: [String], seed: UInt64 = 7) -> Set<String> {
        var generator = SplitMix64(seed: seed)
        var shuffled = ids.sorted()
        shuffled.seededShuffle(using: &generator)
        return Set(shuffled.prefix(shuffled.count / 2))
    }
}
