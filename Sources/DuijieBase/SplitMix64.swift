/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): a tiny, fast, seeded generator. Duijie uses it wherever a result must be the
/// same on every run for the same seed (randomized algorithms, generated test inputs).
///
/// Not for cryptography.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    /// A uniform integer in `0..<bound`, by Lemire's multiply-and-reject method ("Fast random
    /// integer generation in an interval", ACM TOMACS 2019). Written out here, rather than
    /// `Int.random(in:using:)`, so that a seed gives the same numbers whatever the Swift version:
    /// the standard library does not promise its algorithm.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }
}

extension MutableCollection where Self: RandomAccessCollection, Index == Int {
    /// Shuffles in place by Fisher–Yates with `generator`'s `nextIndex(below:)`: the same order
    /// for the same seed on every Swift version (unlike `shuffle(using:)`).
    public mutating func seededShuffle(using generator: inout SplitMix64) {
        guard count > 1 else { return }
        for offset in stride(from: count - 1, to: 0, by: -1) {
            let other = generator.nextIndex(below: offset + 1)
            swapAt(startIndex + offset, startIndex + other)
        }
    }
}
