/// FNV-1a, 64 bits (Fowler, Noll and Vo): each unit is XORed into the hash, which is then
/// multiplied by the FNV prime. Duijie's one non-cryptographic hash: term bytes in the term
/// table, characters in the lexicon's prefix hashes, corpus files in their fingerprint, words in
/// the generator's bags. Stable across runs and Swift versions, unlike `Hasher`.
public enum FNV1a {
    /// The hash of no input.
    public static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    /// The 64-bit FNV prime.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` extended by one unit (a byte, or a whole character's scalar value).
    @inlinable @inline(__always)
    public static func combine(_ hash: UInt64, _ unit: UInt64) -> UInt64 {
        (hash ^ unit) &* prime
    }

    /// The hash of `bytes`, or of the input that gave `previous` followed by `bytes`.
    @inlinable @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer, continuing previous: UInt64 = offsetBasis) -> UInt64 {
        var hash = previous
        for byte in bytes { hash = combine(hash, UInt64(byte)) }
        return hash
    }
}
