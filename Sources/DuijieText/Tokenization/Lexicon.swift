import DuijieBase
import DuijieVectors
import Foundation

/// A dictionary of words with frequencies, for the dictionary segmenter, in the jieba format:
/// one `word frequency [tag]` per line.
///
/// Words are stored as sequences of normalized scalars in an open-addressing hash table keyed
/// by an FNV-1a hash that the segmenter extends one character at a time, so that looking up
/// every substring starting at a position costs one hash step and one probe per character.
/// Every proper prefix of a word is stored too (with no frequency), which tells the segmenter
/// when no longer word can start here.
public struct Lexicon: Sendable {
    private var slots: [Int32]
    private var entryStart: [Int32] = []
    private var entryLength: [Int32] = []
    private var entryHash: [UInt64] = []
    /// The word's frequency; 0 for a prefix-only entry.
    private var entryFrequency: [Double] = []
    /// The natural log of the frequency (0 for a prefix-only entry), kept for the segmenter.
    private var entryLogFrequency: [Double] = []
    private var pool: [Unicode.Scalar] = []
    private var mask: Int

    /// The number of words (not counting prefixes).
    public private(set) var wordCount = 0
    /// The sum of all word frequencies.
    public private(set) var totalFrequency: Double = 0
    /// The length of the longest word, in characters.
    public private(set) var maximumWordLength = 0

    /// Creates an empty lexicon.
    public init() {
        slots = [Int32](repeating: -1, count: 1024)
        mask = 1023
    }

    static let hashSeed = FNV1a.offsetBasis

    @inline(__always)
    static func hashStep(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        FNV1a.combine(hash, UInt64(scalar.value))
    }

    /// Adds a word, or adds to its frequency when it is there.
    ///
    /// - Parameters:
    ///   - word: The normalized characters of the word.
    ///   - frequency: A positive count.
    public mutating func add(_ word: [Unicode.Scalar], frequency: Double) {
        guard !word.isEmpty, frequency > 0 else { return }
        var hash = Self.hashSeed
        for length in 1...word.count {
            hash = Self.hashStep(hash, word[length - 1])
            let isWord = length == word.count
            if let entry = find(hash: hash, word, 0, length) {
                if isWord {
                    if entryFrequency[entry] == 0 { wordCount += 1 }
                    entryFrequency[entry] += frequency
                    entryLogFrequency[entry] = log(entryFrequency[entry])
                }
            } else {
                insert(hash: hash, word[0..<length], frequency: isWord ? frequency : 0)
                if isWord { wordCount += 1 }
            }
        }
        totalFrequency += frequency
        maximumWordLength = max(maximumWordLength, word.count)
    }

    private mutating func insert(hash: UInt64, _ word: ArraySlice<Unicode.Scalar>, frequency: Double) {
        if (entryStart.count + 1) * 2 > slots.count { grow() }
        let entry = Int32(entryStart.count)
        entryStart.append(Int32(pool.count))
        entryLength.append(Int32(word.count))
        entryHash.append(hash)
        entryFrequency.append(frequency)
        entryLogFrequency.append(frequency > 0 ? log(frequency) : 0)
        pool.append(contentsOf: word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = entry
    }

    private mutating func grow() {
        slots = OpenAddressing.slots(for: entryHash, size: slots.count * 2)
        mask = slots.count - 1
    }

    /// The entry for `text[start..<start + length]`, whose hash is `hash`.
    @inline(__always)
    func find(hash: UInt64, _ text: [Unicode.Scalar], _ start: Int, _ length: Int) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return nil }
            if entryHash[entry] == hash && Int(entryLength[entry]) == length {
                let base = Int(entryStart[entry])
                var same = true
                for offset in 0..<length where pool[base + offset] != text[start + offset] {
                    same = false
                    break
                }
                if same { return entry }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The frequency of entry `entry`: 0 when it is only a prefix of longer words.
    @inline(__always)
    func frequency(ofEntry entry: Int) -> Double { entryFrequency[entry] }

    /// The natural log of entry `entry`'s frequency; meaningful only when its frequency is > 0.
    @inline(__always)
    func logFrequency(ofEntry entry: Int) -> Double { entryLogFrequency[entry] }

    /// The entry of the exact word `text[range]`, when it is a word (not only a prefix).
    @inline(__always)
    func wordEntry(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Int? {
        guard range.count <= maximumWordLength, !range.isEmpty else { return nil }
        var hash = Self.hashSeed
        for index in range { hash = Self.hashStep(hash, text[index]) }
        guard let entry = find(hash: hash, text, range.lowerBound, range.count), entryFrequency[entry] > 0 else { return nil }
        return entry
    }

    /// The frequency of `word`, or 0 when it is not a word of the lexicon.
    public func frequency(of word: [Unicode.Scalar]) -> Double {
        guard !word.isEmpty else { return 0 }
        var hash = Self.hashSeed
        for scalar in word { hash = Self.hashStep(hash, scalar) }
        return find(hash: hash, word, 0, word.count).map { entryFrequency[$0] } ?? 0
    }

    /// Whether `word` is a word of the lexicon.
    public func contains(_ word: [Unicode.Scalar]) -> Bool { frequency(of: word) > 0 }

    /// Reads a jieba-format dictionary and adds its words, normalized by `normalizer`.
    ///
    /// Lines are `word frequency [tag]`; a line with a word alone counts as frequency 1. Blank
    /// lines and lines starting with `#` are skipped.
    ///
    /// - Throws: `DuijieError` naming the file and line of a malformed entry, or an unreadable file.
    public mutating func load(contentsOf path: String, normalizer: TextNormalizer) throws(DuijieError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DuijieError.text("\(path): cannot read the dictionary")
        }
        try load(bytes: [UInt8](data), name: path, normalizer: normalizer)
    }

    /// A hash of every dictionary loaded, in order (FNV-1a over their bytes): two lexicons with
    /// the same fingerprint were loaded from the same dictionaries.
    public private(set) var sourceFingerprint: UInt64 = FNV1a.offsetBasis

    /// Adds the words of a jieba-format dictionary held in memory (`name` for messages), as
    /// `load(contentsOf:normalizer:)` does for a file.
    ///
    /// - Throws: `DuijieError` naming `name` and the line of a malformed entry.
    public mutating func load(bytes: [UInt8], name path: String, normalizer: TextNormalizer) throws(DuijieError) {
        sourceFingerprint = bytes.withUnsafeBytes { FNV1a.hash($0, continuing: sourceFingerprint) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DuijieError.text("\(path): the dictionary is not valid UTF-8")
        }
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let first = columns.first, !first.hasPrefix("#") else { continue }
            var frequency = 1.0
            if columns.count >= 2 {
                guard let parsed = Double(columns[1]), parsed >= 0, parsed.isFinite else {
                    throw DuijieError.text("\(path):\(lineNumber): frequency \"\(columns[1])\" is not a non-negative number")
                }
                frequency = parsed
            }
            add(normalizer.normalizedScalars(String(first)), frequency: frequency)
        }
    }
}
