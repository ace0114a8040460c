/// What two texts have in common, in words a reader recognises — what an explanation shows,
/// whatever tokenizer scored the match.
///
/// Chinese: the longest spans both texts contain, cut at word boundaries. Each text is segmented
/// by the dictionary (`DictionarySegmenter` with the jieba dictionary and the domain lexicon);
/// a span keeps the query's words that lie wholly inside it and that start and end on word
/// boundaries of the other text too, so no shown word straddles two words of either text
/// (力电 from 动力电池 × 电力电子 never shows). Single characters and stopwords at a span's ends
/// are dropped; a span of at most `longestPhrase` characters shows whole (梯次利用), a longer
/// one as its words of two or more characters. Other scripts: whole words (letters, digits)
/// both texts contain, of two or more characters, stopwords and plain numbers left out.
public struct SharedWords: Sendable {
    private let normalizer: TextNormalizer
    private let segmenter: DictionarySegmenter
    private let stopwords: StopwordList

    /// A Chinese span up to this many characters shows whole; a longer one as its words.
    public static let longestPhrase = 8

    /// Finds shared words with `lexicon`, normalizing text as `normalizer` does (use the
    /// analyzer's, so that shown words match the scoring terms).
    public init(lexicon: Lexicon, normalizer: TextNormalizer, stopwords: StopwordList = .standard) {
        self.normalizer = normalizer
        segmenter = DictionarySegmenter(lexicon: lexicon)
        self.stopwords = stopwords
    }

    /// A query made ready once for comparing with many documents: normalized and segmented.
    public struct Query: Sendable {
        fileprivate let text: [Unicode.Scalar]
        fileprivate let segments: [Range<Int>]
    }

    /// `query` made ready for `words(sharedBy:and:)`.
    public func prepare(_ query: String) -> Query {
        let text = normalizer.normalizedScalars(query)
        return Query(text: text, segments: segments(text))
    }

    /// The words `query` and `document` share, in the order they first appear in the query,
    /// each once, normalized (lower case, simplified Chinese).
    public func words(sharedBy query: String, and document: String) -> [String] {
        words(sharedBy: prepare(query), and: document)
    }

    /// The words a prepared query and `document` share (see `words(sharedBy:and:)`).
    public func words(sharedBy query: Query, and document: String) -> [String] {
        let documentText = normalizer.normalizedScalars(document)
        var found: [(position: Int, word: String)] = chineseWords(query, documentText)
        found += latinWords(query.text, documentText)
        found.sort { $0.position < $1.position }
        var seen = Set<String>()
        return found.compactMap { seen.insert($0.word).inserted ? $0.word : nil }
    }

    // MARK: Chinese

    /// The dictionary segmentation of a text's Han runs.
    private func segments(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        Self.runs(of: .han, in: text).flatMap { segmenter.segment(text, $0) }
    }

    private func chineseWords(_ prepared: Query, _ document: [Unicode.Scalar]) -> [(position: Int, word: String)] {
        let query = prepared.text
        // Where each pair of Han characters occurs in the document.
        var pairs: [UInt64: [Int]] = [:]
        for position in 0..<max(document.count - 1, 0)
        where CharacterClass.of(document[position]) == .han && CharacterClass.of(document[position + 1]) == .han {
            pairs[Self.key(document[position], document[position + 1]), default: []].append(position)
        }
        guard !pairs.isEmpty else { return [] }
        let querySegments = prepared.segments
        // Every position where one of the document's words starts or ends.
        let documentEdges = Set(segments(document).flatMap { [$0.lowerBound, $0.upperBound] })
        var result: [(position: Int, word: String)] = []
        var coveredEnd = 0
        var start = 0
        while start + 1 < query.count {
            defer { start += 1 }
            guard let occurrences = pairs[Self.key(query[start], query[start + 1])] else { continue }
            // The longest span from `start` that the document also contains, and where.
            var length = 0
            var at = 0
            for position in occurrences {
                var extent = 2
                while start + extent < query.count, position + extent < document.count, query[start + extent] == document[position + extent],
                      CharacterClass.of(query[start + extent]) == .han {
                    extent += 1
                }
                if extent > length { length = extent; at = position }
            }
            guard start + length > coveredEnd else { continue }  // inside the previous span
            coveredEnd = start + length
            result += words(in: start..<(start + length), of: query, segments: querySegments, matchedAt: at, documentEdges: documentEdges)
        }
        return result
    }

    /// The words of the shared span `span` of the query (found at `matchedAt` in the document).
    private func words(in span: Range<Int>, of query: [Unicode.Scalar], segments: [Range<Int>], matchedAt: Int,
                       documentEdges: Set<Int>) -> [(position: Int, word: String)] {
        let shift = matchedAt - span.lowerBound
        let inside = segments.filter { $0.lowerBound >= span.lowerBound && $0.upperBound <= span.upperBound }
        func isContent(_ segment: Range<Int>) -> Bool {
            segment.count >= 2 && !stopwords.contains(Analyzer.makeString(query, segment))
                && documentEdges.contains(segment.lowerBound + shift) && documentEdges.contains(segment.upperBound + shift)
        }
        guard let first = inside.firstIndex(where: isContent), let last = inside.lastIndex(where: isContent) else { return [] }
        let phrase = inside[first].lowerBound..<inside[last].upperBound
        if phrase.count <= Self.longestPhrase {
            return [(phrase.lowerBound, Analyzer.makeString(query, phrase))]
        }
        return inside[first...last].filter(isContent).map { ($0.lowerBound, Analyzer.makeString(query, $0)) }
    }

    private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 32 | UInt64(b.value) }

    // MARK: Other scripts

    private func latinWords(_ query: [Unicode.Scalar], _ document: [Unicode.Scalar]) -> [(position: Int, word: String)] {
        let inDocument = Set(Self.runs(of: .word, in: document).map { Analyzer.makeString(document, $0) })
        return Self.runs(of: .word, in: query).compactMap { run in
            let word = Analyzer.makeString(query, run)
            let isNumber = query[run].allSatisfy(CharacterClass.isDigit)
            return run.count >= 2 && !isNumber && inDocument.contains(word) && !stopwords.contains(word) ? (run.lowerBound, word) : nil
        }
    }

    /// The maximal runs of characters of one class (Han characters; letters and digits of
    /// other scripts).
    private static func runs(of characterClass: CharacterClass, in text: [Unicode.Scalar]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var position = 0
        while position < text.count {
            guard CharacterClass.of(text[position]) == characterClass else { position += 1; continue }
            var end = position + 1
            while end < text.count && CharacterClass.of(text[end]) == characterClass { end += 1 }
            runs.append(position..<end)
            position = end
        }
        return runs
    }
}
