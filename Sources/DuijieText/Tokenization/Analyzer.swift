import DuijieBase

/// How Chinese text is cut into terms.
public enum TokenizerMode: String, Sendable, CaseIterable {
    /// Every character and every pair of adjacent characters: no dictionary needed, robust to
    /// new words. The default.
    case bigram
    /// Dictionary words on the maximum-probability path; unknown runs fall back to bigrams.
    case dictionary
    /// Dictionary words plus the shorter dictionary words inside long ones.
    case search
}

/// What an `Analyzer` does to text.
public struct AnalyzerOptions: Sendable, Equatable {
    /// How Chinese runs are tokenized.
    public var mode: TokenizerMode
    /// In bigram mode, whether single characters are terms too (besides pairs).
    public var includesUnigrams: Bool
    /// Whether English words are reduced to Porter stems.
    public var stemsEnglish: Bool
    /// Whether traditional Chinese is converted to simplified (needs OpenCC).
    public var simplifiesChinese: Bool

    /// Creates options; the defaults are bigrams with unigrams, stemming, and simplification.
    public init(mode: TokenizerMode = .bigram, includesUnigrams: Bool = true, stemsEnglish: Bool = true, simplifiesChinese: Bool = true) {
        self.mode = mode
        self.includesUnigrams = includesUnigrams
        self.stemsEnglish = stemsEnglish
        self.simplifiesChinese = simplifiesChinese
    }
}

/// Turns text into terms: normalization (NFKC, case folding, traditional → simplified), then
/// script runs — Chinese by bigrams or by the dictionary, everything else by words
/// (`5g`, `pm2.5`, `li-ion`, `gb/t`, `19001`) — then stopword removal and English stemming.
///
/// Mixed text works in one field: `需要5G基站用Li-ion电池` gives Chinese terms, `5g` and `li-ion`.
/// An analyzer is immutable and safe to share between threads.
public final class Analyzer: Sendable {
    /// The options it was made with.
    public let options: AnalyzerOptions
    /// The stopwords it removes.
    public let stopwords: StopwordList
    private let normalizer: TextNormalizer
    private let segmenter: DictionarySegmenter?
    /// The dictionaries added to the standard ones (name and contents), so that an index can
    /// keep them and make the same analyzer again.
    public let extraDictionaries: [(name: String, bytes: [UInt8])]
    /// The lexicon's `sourceFingerprint` (dictionary modes only).
    private let lexiconFingerprint: UInt64?
    /// Multi-character Chinese stopwords, matched in the text before bigrams are formed.
    private let stopPhrases: Lexicon
    /// Every stopword, looked up by characters so that no `String` is made for a dropped term.
    private let stopTerms: Lexicon

    /// Creates an analyzer.
    ///
    /// - Parameters:
    ///   - options: What to do.
    ///   - lexicon: The dictionary for `.dictionary` and `.search` modes.
    ///   - stopwords: The stopwords to remove (`.standard` by default).
    ///   - converter: The traditional → simplified converter; required when
    ///     `options.simplifiesChinese` is set, ignored otherwise.
    /// - Throws: `DuijieError` when a dictionary mode has no lexicon, or simplification no converter.
    ///   - extraDictionaries: The dictionaries `lexicon` has beyond the standard ones, kept as
    ///     they are (they are already in `lexicon`).
    public init(options: AnalyzerOptions = .init(), lexicon: Lexicon? = nil, stopwords: StopwordList = .standard,
                converter: ChineseConverter? = nil, extraDictionaries: [(name: String, bytes: [UInt8])] = []) throws(DuijieError) {
        if options.mode != .bigram && lexicon == nil {
            throw DuijieError.text("the \(options.mode.rawValue) tokenizer needs a dictionary")
        }
        if options.simplifiesChinese && converter == nil {
            throw DuijieError.text("traditional → simplified conversion needs an OpenCC converter")
        }
        self.options = options
        self.stopwords = stopwords
        self.extraDictionaries = extraDictionaries
        lexiconFingerprint = options.mode == .bigram ? nil : lexicon?.sourceFingerprint
        normalizer = TextNormalizer(foldsCase: true, converter: options.simplifiesChinese ? converter : nil)
        segmenter = options.mode == .bigram ? nil : lexicon.map(DictionarySegmenter.init)
        var phrases = Lexicon()
        for word in stopwords.words where word.unicodeScalars.count >= 2 && word.unicodeScalars.allSatisfy({ CharacterClass.of($0) == .han }) {
            phrases.add(Array(word.unicodeScalars), frequency: 1)
        }
        stopPhrases = phrases
        var all = Lexicon()
        for word in stopwords.words { all.add(Array(word.unicodeScalars), frequency: 1) }
        stopTerms = all
    }

    /// What decides this analyzer's terms, hashed (FNV-1a, hexadecimal): its options, its
    /// stopwords and boundary characters, and in the dictionary modes every dictionary its
    /// lexicon was loaded from. Two analyzers with the same fingerprint give the same terms.
    public var fingerprint: String {
        var parts = ["\(options.mode.rawValue) \(options.includesUnigrams) \(options.stemsEnglish) \(options.simplifiesChinese)"]
        parts.append(stopwords.words.sorted().joined(separator: "\u{1F}"))
        parts.append(String(String.UnicodeScalarView(stopwords.boundaryCharacters.sorted { $0.value < $1.value })))
        parts.append(lexiconFingerprint.map { String($0, radix: 16) } ?? "-")
        let bytes = Array(parts.joined(separator: "\u{1E}").utf8)
        return String(bytes.withUnsafeBytes { FNV1a.hash($0) }, radix: 16)
    }

    /// The normalized form of `text`, as the tokenizers see it.
    public func normalize(_ text: String) -> String { normalizer.normalize(text) }

    /// The normalization this analyzer applies (case folding, traditional → simplified).
    public var textNormalizer: TextNormalizer { normalizer }

    /// Finds the words two texts share with `lexicon`, normalizing and dropping stopwords as
    /// this analyzer does.
    public func sharedWords(lexicon: Lexicon) -> SharedWords {
        SharedWords(lexicon: lexicon, normalizer: normalizer, stopwords: stopwords)
    }

    /// The terms of `text`, in order, with repeats.
    ///
    /// - Complexity: O(n) for bigrams, O(n · L) for dictionary modes (L: longest word).
    public func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append($0) }
        return result
    }

    /// Calls `body` with each term of `text`, in order.
    public func forEachTerm(in text: String, _ body: (String) -> Void) {
        let scalars = normalizer.normalizedScalars(text)
        var scratch = DictionarySegmenter.Scratch()
        var position = 0
        while position < scalars.count {
            switch CharacterClass.of(scalars[position]) {
            case .han:
                var end = position + 1
                while end < scalars.count && CharacterClass.of(scalars[end]) == .han { end += 1 }
                chineseTerms(scalars, position..<end, &scratch, body)
                position = end
            case .word:
                position = wordTerm(scalars, from: position, body)
            case .joiner, .separator:
                position += 1
            }
        }
    }

    // MARK: Chinese

    private func chineseTerms(_ text: [Unicode.Scalar], _ run: Range<Int>, _ scratch: inout DictionarySegmenter.Scratch, _ body: (String) -> Void) {
        // The segmenter sees whole words (梯次利用 must not lose 利用 first); stopwords are
        // filtered from its output.
        if segmenter != nil {
            tokenizePiece(text, run, &scratch, body)
            return
        }
        // Bigrams: cut the run at stop phrases and boundary characters, so no pair spans them.
        var start = run.lowerBound
        var position = run.lowerBound
        while position < run.upperBound {
            let stopLength = stopPhraseLength(text, at: position, limit: run.upperBound)
            if stopLength > 0 || stopwords.boundaryCharacters.contains(text[position]) {
                tokenizePiece(text, start..<position, &scratch, body)
                position += max(stopLength, 1)
                start = position
            } else {
                position += 1
            }
        }
        tokenizePiece(text, start..<run.upperBound, &scratch, body)
    }

    /// The length of the longest stop phrase starting at `position`, or 0.
    private func stopPhraseLength(_ text: [Unicode.Scalar], at position: Int, limit: Int) -> Int {
        var hash = Lexicon.hashSeed
        var length = 0
        var longest = 0
        while position + length < limit {
            hash = Lexicon.hashStep(hash, text[position + length])
            length += 1
            guard let entry = stopPhrases.find(hash: hash, text, position, length) else { break }
            if stopPhrases.frequency(ofEntry: entry) > 0 { longest = length }
        }
        return longest
    }

    private func tokenizePiece(_ text: [Unicode.Scalar], _ piece: Range<Int>, _ scratch: inout DictionarySegmenter.Scratch,
                               _ body: (String) -> Void) {
        guard !piece.isEmpty else { return }
        guard let segmenter else {
            bigrams(text, piece, body)
            return
        }
        segmenter.segment(text, piece, into: &scratch)
        let segments = scratch.segments
        var index = 0
        while index < segments.count {
            // A run of single characters the dictionary could not join falls back to bigrams.
            if segments[index].count == 1 {
                var end = index
                while end + 1 < segments.count && segments[end + 1].count == 1 { end += 1 }
                if end > index {
                    bigrams(text, segments[index].lowerBound..<segments[end].upperBound, body, unigrams: false)
                } else {
                    emit(text, segments[index], body)
                }
                index = end + 1
                continue
            }
            if emit(text, segments[index], body), options.mode == .search {
                for inner in segmenter.innerWords(text, segments[index]) { emit(text, inner, body) }
            }
            index += 1
        }
    }

    private func bigrams(_ text: [Unicode.Scalar], _ piece: Range<Int>, _ body: (String) -> Void, unigrams: Bool? = nil) {
        let withUnigrams = unigrams ?? options.includesUnigrams
        for index in piece {
            if withUnigrams || piece.count == 1 { emit(text, index..<(index + 1), body) }
            if index + 1 < piece.upperBound { emit(text, index..<(index + 2), body) }
        }
    }

    /// Passes the term at `range` to `body` unless it is a stopword; returns whether it did.
    @inline(__always) @discardableResult
    private func emit(_ text: [Unicode.Scalar], _ range: Range<Int>, _ body: (String) -> Void) -> Bool {
        if stopTerms.wordEntry(text, range) != nil { return false }
        body(Self.makeString(text, range))
        return true
    }

    /// Makes a `String` of `text[range]` by writing its UTF-8 bytes directly.
    @inline(__always)
    static func makeString(_ text: [Unicode.Scalar], _ range: Range<Int>) -> String {
        var byteCount = 0
        for index in range {
            let value = text[index].value
            byteCount += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: byteCount) { buffer in
            var offset = 0
            for index in range {
                let value = text[index].value
                if value < 0x80 {
                    buffer[offset] = UInt8(value)
                    offset += 1
                } else if value < 0x800 {
                    buffer[offset] = UInt8(0xC0 | (value >> 6))
                    buffer[offset + 1] = UInt8(0x80 | (value & 0x3F))
                    offset += 2
                } else if value < 0x10000 {
                    buffer[offset] = UInt8(0xE0 | (value >> 12))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | (value & 0x3F))
                    offset += 3
                } else {
                    buffer[offset] = UInt8(0xF0 | (value >> 18))
                    buffer[offset + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
                    buffer[offset + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
                    buffer[offset + 3] = UInt8(0x80 | (value & 0x3F))
                    offset += 4
                }
            }
            return offset
        }
    }

    // MARK: Words

    /// Reads one word starting at `start`; returns the position after it.
    private func wordTerm(_ text: [Unicode.Scalar], from start: Int, _ body: (String) -> Void) -> Int {
        var end = start + 1
        while end < text.count {
            let character = CharacterClass.of(text[end])
            if character == .word {
                end += 1
            } else if character == .joiner, end + 1 < text.count, CharacterClass.of(text[end + 1]) == .word,
                      text[end] != "." || (CharacterClass.isDigit(text[end - 1]) && CharacterClass.isDigit(text[end + 1])) {
                end += 2
            } else {
                break
            }
        }
        guard end - start >= 2 else { return end }  // single letters and digits carry no signal
        if stopTerms.wordEntry(text, start..<end) != nil { return end }
        var term = Self.makeString(text, start..<end)
        if options.stemsEnglish, term.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
            term = PorterStemmer.stem(term)
        }
        body(term)
        return end
    }
}
