import DuijieBase
import DuijieCorpus
import DuijieText
import Foundation
import Synchronization

/// Finds and loads the text-analysis resources Duijie ships or reads from the system: the
/// jieba dictionary (Debian's python3-jieba) and the domain lexicon in `Corpus/lexicon/`.
public enum TextResources {
    /// Where the jieba dictionary is looked for, in order; `DUIJIE_JIEBA_DICT` overrides.
    public static let jiebaDictionaryCandidates = [
        "/usr/lib/python3/dist-packages/jieba/dict.txt",
        "/usr/share/python3-jieba/dict.txt",
        "/usr/local/lib/python3/dist-packages/jieba/dict.txt",
    ]

    /// The relative path of the domain lexicon inside the repository.
    public static let domainLexiconPath = "Corpus/lexicon/tech-transfer.txt"

    /// The jieba dictionary's path, or `nil` when none is installed.
    public static func jiebaDictionaryPath() -> String? {
        if let override = ProcessInfo.processInfo.environment["DUIJIE_JIEBA_DICT"], !override.isEmpty { return override }
        return jiebaDictionaryCandidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// The domain lexicon's path: `DUIJIE_LEXICON`, else `Corpus/lexicon/…` under the current
    /// directory or under a parent of the executable's directory (a build folder in the repo).
    public static func domainLexiconPath(executable: String = CommandLine.arguments.first ?? "") -> String? {
        if let override = ProcessInfo.processInfo.environment["DUIJIE_LEXICON"], !override.isEmpty { return override }
        var candidates = [FileManager.default.currentDirectoryPath + "/" + domainLexiconPath]
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(directory.appendingPathComponent(domainLexiconPath).path)
            directory.deleteLastPathComponent()
        }
        return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
    }

    /// Loads the lexicon for dictionary tokenization: the jieba dictionary plus the domain
    /// lexicon, plus any extra dictionaries given.
    ///
    /// - Parameter extra: More jieba-format dictionaries.
    /// - Throws: `DuijieError` when no jieba dictionary is installed or a file is malformed.
    public static func loadLexicon(extra: [String] = [], normalizer: TextNormalizer) throws(DuijieError) -> Lexicon {
        try loadLexicon(extraContents: try extra.map(readDictionary), normalizer: normalizer)
    }

    /// Loads the lexicon with extra dictionaries held in memory (name and contents).
    static func loadLexicon(extraContents: [(name: String, bytes: [UInt8])], normalizer: TextNormalizer) throws(DuijieError) -> Lexicon {
        guard let jieba = jiebaDictionaryPath() else {
            throw DuijieError.text("no jieba dictionary found (install Debian's python3-jieba, or set DUIJIE_JIEBA_DICT to a dict.txt)")
        }
        var lexicon = Lexicon()
        try lexicon.load(contentsOf: jieba, normalizer: normalizer)
        if let domain = domainLexiconPath() { try lexicon.load(contentsOf: domain, normalizer: normalizer) }
        for (name, bytes) in extraContents { try lexicon.load(bytes: bytes, name: name, normalizer: normalizer) }
        return lexicon
    }

    private static func readDictionary(_ path: String) throws(DuijieError) -> (name: String, bytes: [UInt8]) {
        guard let data = FileManager.default.contents(atPath: path) else { throw DuijieError.text("\(path): cannot read the dictionary") }
        return (path, [UInt8](data))
    }

    /// The shared-word finder for explanations: the default lexicon (jieba + the domain
    /// lexicon), with `analyzer`'s normalization and stopwords.
    ///
    /// - Throws: `DuijieError` when no jieba dictionary is installed or a file is malformed.
    public static func sharedWords(for analyzer: Analyzer) throws(DuijieError) -> SharedWords {
        // The lexicon takes most of a second to load; one per normalization serves the process.
        let key = analyzer.options.simplifiesChinese
        if let cached = explanationLexicons.withLock({ $0[key] }) { return analyzer.sharedWords(lexicon: cached) }
        let lexicon = try loadLexicon(normalizer: analyzer.textNormalizer)
        explanationLexicons.withLock { $0[key] = lexicon }
        return analyzer.sharedWords(lexicon: lexicon)
    }

    /// The lexicons loaded for explanations, by whether text is simplified.
    private static let explanationLexicons = Mutex<[Bool: Lexicon]>([:])

    /// Makes an analyzer with the standard stopwords, OpenCC, and (for dictionary modes) the
    /// default lexicon.
    ///
    /// - Throws: `DuijieError` when OpenCC or the dictionary cannot be loaded.
    public static func makeAnalyzer(options: AnalyzerOptions = .init(), extraDictionaries: [String] = [],
                                    stopwords: StopwordList = .standard) throws(DuijieError) -> Analyzer {
        try makeAnalyzer(options: options, dictionaries: try extraDictionaries.map(readDictionary), stopwords: stopwords)
    }

    /// Makes an analyzer with extra dictionaries held in memory (name and contents), as a
    /// saved index keeps them.
    ///
    /// - Throws: `DuijieError` when a resource cannot be loaded.
    public static func makeAnalyzer(options: AnalyzerOptions, dictionaries: [(name: String, bytes: [UInt8])],
                                    stopwords: StopwordList) throws(DuijieError) -> Analyzer {
        let converter = options.simplifiesChinese ? try ChineseConverter() : nil
        var lexicon: Lexicon? = nil
        if options.mode != .bigram {
            lexicon = try loadLexicon(extraContents: dictionaries, normalizer: TextNormalizer(converter: converter))
        }
        return try Analyzer(options: options, lexicon: lexicon, stopwords: stopwords, converter: converter,
                            extraDictionaries: options.mode == .bigram ? [] : dictionaries)
    }
}
