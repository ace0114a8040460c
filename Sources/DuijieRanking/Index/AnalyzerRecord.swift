import DuijieBase
import DuijieJSON
import DuijieText

/// What a text index keeps of the analyzer it was built with, besides its options, so that a
/// load (or an update) analyzes queries and new records exactly as the documents were: the
/// stopword list (as changes to the standard list or to none), the extra dictionaries (their
/// contents, as sections `dict/0`, `dict/1` …), and the analyzer's fingerprint, which also
/// covers the jieba dictionary and the domain lexicon this machine supplies.
enum AnalyzerRecord {
    /// The metadata members describing `analyzer`.
    static func members(of analyzer: Analyzer) -> [(String, JSONValue)] {
        let list = analyzer.stopwords
        let base = basis(of: list)
        let added = list.words.subtracting(base.list.words).sorted()
        let removed = base.list.words.subtracting(list.words).sorted()
        return [("analysis", .string(analyzer.fingerprint)),
                ("stopwords", .object([("base", .string(base.name)), ("added", .array(added.map { .string($0) })),
                                       ("removed", .array(removed.map { .string($0) }))])),
                ("dictionaries", .array(analyzer.extraDictionaries.map { .string($0.name) }))]
    }

    /// Adds the extra dictionaries' contents as sections.
    static func addDictionaries(of analyzer: Analyzer, prefix: String, to writer: inout IndexFile.Writer) {
        for (number, dictionary) in analyzer.extraDictionaries.enumerated() { writer.add(prefix + "dict/\(number)", dictionary.bytes) }
    }

    private static func basis(of list: StopwordList) -> (name: String, list: StopwordList) {
        list.boundaryCharacters == StopwordList.standard.boundaryCharacters ? ("standard", .standard) : ("none", .none)
    }

    /// Makes the analyzer the metadata describes, and checks that it is the one the index was
    /// built with (an index written before the analysis was recorded gets the standard
    /// stopwords and no extra dictionary, as it was built).
    ///
    /// - Throws: `DuijieError` when the analyzer made here differs (this machine's jieba
    ///   dictionary or domain lexicon is not the one the index was built with).
    static func analyzer(_ meta: IndexMetadata, options: AnalyzerOptions, reader: IndexReader) throws -> Analyzer {
        var stopwords = StopwordList.standard
        var dictionaries: [(name: String, bytes: [UInt8])] = []
        if case .object(let members)? = meta.object["stopwords"] {
            let value = { (key: String) in members.first { $0.key == key }?.value }
            if case .string("none")? = value("base") { stopwords = .none }
            if case .array(let words)? = value("added") { stopwords.add(words.compactMap { if case .string(let word) = $0 { word } else { nil } }) }
            if case .array(let words)? = value("removed") { stopwords.remove(words.compactMap { if case .string(let word) = $0 { word } else { nil } }) }
        }
        if case .array(let names)? = meta.object["dictionaries"] {
            for (number, name) in names.enumerated() {
                guard case .string(let text) = name else { continue }
                dictionaries.append((text, try reader.bytes("dict/\(number)")))
            }
        }
        let analyzer = try TextResources.makeAnalyzer(options: options, dictionaries: dictionaries, stopwords: stopwords)
        try check(analyzer, against: meta)
        return analyzer
    }

    /// Checks that `analyzer` is the one the metadata records (when it records one).
    static func check(_ analyzer: Analyzer, against meta: IndexMetadata) throws(DuijieError) {
        guard case .string(let recorded)? = meta.object["analysis"], recorded != analyzer.fingerprint else { return }
        let resources = analyzer.options.mode == .bigram ? "stopwords" : "jieba dictionary, domain lexicon or extra dictionaries"
        throw DuijieError.index(meta.path, "analyzed with another \(resources) than this duijie makes now (analysis \(recorded), here \(analyzer.fingerprint)); rebuild the index with `duijie index`")
    }
}
