import DuijieBase
import DuijieVectors

/// A hash table from terms to dense ids, keyed on the terms' UTF-8 bytes.
///
/// Swift's `String` hashing and comparison are Unicode-aware (they normalize), which is the
/// right default but costs more than the rest of vocabulary building. Terms here are already
/// normalized by the analyzer, so bytes are the identity: the table hashes them with FNV-1a,
/// compares them with `memcmp`-style loops, and keeps them in one byte pool.
struct TermTable: Sendable {
    private var slots: [Int32]
    private var mask: Int
    private(set) var hashes: [UInt64] = []
    private(set) var starts: [Int32] = []
    private(set) var lengths: [Int32] = []
    private(set) var pool: [UInt8] = []

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The number of terms.
    var count: Int { starts.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        FNV1a.hash(UnsafeRawBufferPointer(bytes))
    }

    @inline(__always)
    private func matches(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(lengths[id]) == bytes.count else { return false }
        let start = Int(starts[id])
        for offset in 0..<bytes.count where pool[start + offset] != bytes[offset] { return false }
        return true
    }

    /// The id of the term with these bytes, adding it when `insert` is set.
    @inline(__always)
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, insert: Bool) -> Int32? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && matches(Int(id), bytes) { return id }
            slot = (slot + 1) & mask
        }
        guard insert else { return nil }
        let id = Int32(starts.count)
        hashes.append(hash)
        starts.append(Int32(pool.count))
        lengths.append(Int32(bytes.count))
        pool.append(contentsOf: bytes)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `term`, adding it when `insert` is set.
    @inline(__always)
    mutating func id(of term: String, insert: Bool) -> Int32? {
        var copy = term
        return copy.withUTF8 { bytes in id(of: bytes, hash: Self.hash(bytes), insert: insert) }
    }

    /// The id of `term` without adding it.
    func lookup(_ term: String) -> Int32? {
        var copy = term
        return copy.withUTF8 { bytes in
            var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
            let hash = Self.hash(bytes)
            while true {
                let id = slots[slot]
                if id < 0 { return nil }
                if hashes[Int(id)] == hash && matches(Int(id), bytes) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Calls `body` with the bytes of term `id`.
    @inline(__always)
    func withBytes<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        pool.withUnsafeBufferPointer { pool in
            body(UnsafeBufferPointer(rebasing: pool[Int(starts[id])..<Int(starts[id] + lengths[id])]))
        }
    }

    /// The term `id` as a string.
    func term(_ id: Int) -> String {
        withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether term `a` sorts before term `b` by bytes — for UTF-8, code-point order.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        pool.withUnsafeBufferPointer { pool in
            let startA = Int(starts[a]), startB = Int(starts[b])
            let lengthA = Int(lengths[a]), lengthB = Int(lengths[b])
            for offset in 0..<min(lengthA, lengthB) {
                let x = pool[startA + offset], y = pool[startB + offset]
                if x != y { return x < y }
            }
            return lengthA < lengthB
        }
    }

    private mutating func grow() {
        slots = OpenAddressing.slots(for: hashes, size: slots.count * 2)
        mask = slots.count - 1
    }
}
