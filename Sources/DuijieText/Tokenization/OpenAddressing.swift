/// Linear-probing slot arrays shared by `Lexicon` and `TermTable`: both keep entries in
/// parallel arrays and map a hash to an entry through a power-of-two table of slots.
enum OpenAddressing {
    /// A slot table of `size` (a power of two) holding every entry at its probe position.
    static func slots(for hashes: [UInt64], size: Int) -> [Int32] {
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
        return slots
    }
}
