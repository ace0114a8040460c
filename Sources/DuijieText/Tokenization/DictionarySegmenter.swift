import Foundation

/// Segments a run of Chinese characters into words with a `Lexicon`: it builds the DAG of all
/// dictionary words starting at each position and takes the path of maximum probability, the
/// unigram model jieba uses (Sun Junyi, jieba, 2012; words weighted by log frequency / total).
///
/// Characters that no dictionary word covers, in runs of two or more single-character
/// segments, fall back to bigrams instead of jieba's HMM: new terms (a product name, a
/// transliteration) are then still matched by their character pairs.
struct DictionarySegmenter: Sendable {
    let lexicon: Lexicon
    private let logTotal: Double

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        logTotal = log(max(lexicon.totalFrequency, 1))
    }

    /// Buffers reused across the runs of one text.
    struct Scratch {
        var best: [Double] = []
        var next: [Int] = []
        var segments: [Range<Int>] = []
    }

    /// The segments of `text[range]` (all Han characters) as ranges, in order.
    ///
    /// - Complexity: O(n · L) for n characters and a longest word of L characters.
    func segment(_ text: [Unicode.Scalar], _ range: Range<Int>) -> [Range<Int>] {
        var scratch = Scratch()
        segment(text, range, into: &scratch)
        return scratch.segments
    }

    /// Segments `text[range]` into `scratch.segments`, reusing the scratch buffers.
    func segment(_ text: [Unicode.Scalar], _ range: Range<Int>, into scratch: inout Scratch) {
        scratch.segments.removeAll(keepingCapacity: true)
        let count = range.count
        guard count > 0 else { return }
        // best[i]: the log probability of the best segmentation of text[range.lowerBound + i ..< end];
        // next[i]: the end of the first word on that path.
        if scratch.best.count < count + 1 {
            scratch.best = [Double](repeating: 0, count: count + 1)
            scratch.next = [Int](repeating: 0, count: count + 1)
        }
        scratch.best[count] = 0
        let limit = max(lexicon.maximumWordLength, 1)
        scratch.best.withUnsafeMutableBufferPointer { best in
        scratch.next.withUnsafeMutableBufferPointer { next in
        for i in stride(from: count - 1, through: 0, by: -1) {
            // A character alone is always a candidate, with frequency 1 when unknown.
            var bestScore = -logTotal + best[i + 1]
            var bestEnd = i + 1
            var hash = Lexicon.hashSeed
            var length = 0
            while i + length < count && length < limit {
                hash = Lexicon.hashStep(hash, text[range.lowerBound + i + length])
                length += 1
                guard let entry = lexicon.find(hash: hash, text, range.lowerBound + i, length) else { break }
                guard lexicon.frequency(ofEntry: entry) > 0 else { continue }
                let score = lexicon.logFrequency(ofEntry: entry) - logTotal + best[i + length]
                // Ties go to the longer word, as in jieba.
                if score > bestScore || (score == bestScore && i + length > bestEnd) {
                    bestScore = score
                    bestEnd = i + length
                }
            }
            best[i] = bestScore
            next[i] = bestEnd
        }
        }
        }
        var position = 0
        while position < count {
            scratch.segments.append((range.lowerBound + position)..<(range.lowerBound + scratch.next[position]))
            position = scratch.next[position]
        }
    }

    /// The dictionary words of two and three characters inside `text[word]`, for search mode
    /// (jieba's `cut_for_search`): a query for 锂电池 then finds 废旧锂电池回收.
    func innerWords(_ text: [Unicode.Scalar], _ word: Range<Int>) -> [Range<Int>] {
        guard word.count > 2 else { return [] }
        var result: [Range<Int>] = []
        for size in 2...min(3, word.count - 1) {
            for start in word.lowerBound...(word.upperBound - size) {
                var hash = Lexicon.hashSeed
                for offset in 0..<size { hash = Lexicon.hashStep(hash, text[start + offset]) }
                if let entry = lexicon.find(hash: hash, text, start, size), lexicon.frequency(ofEntry: entry) > 0 {
                    result.append(start..<(start + size))
                }
            }
        }
        return result
    }
}
