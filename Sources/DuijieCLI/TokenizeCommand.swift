import ArgumentParser
import Duijie
import DuijieText
import Foundation

/// `duijie tokenize "文本"`: show the terms Duijie makes of a text, for debugging.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Show the normalized text and the terms Duijie makes of it.",
        discussion: """
        Example: duijie tokenize --tokenizer dictionary "本发明公开了一种退役锂電池梯次利用方法"
        With no text argument, each line of standard input is tokenized.
        """
    )

    @Argument(help: "The text to tokenize; standard input, line by line, when omitted.")
    var text: [String] = []

    @OptionGroup var analysis: AnalysisOptions

    func run() throws {
        let analyzer = try analysis.makeAnalyzer()
        if text.isEmpty {
            while let line = readLine() {
                print(analyzer.terms(line).joined(separator: " | "))
            }
            return
        }
        let input = text.joined(separator: " ")
        print("normalized: \(analyzer.normalize(input))")
        let terms = analyzer.terms(input)
        print("terms (\(terms.count)): \(terms.joined(separator: " | "))")
    }
}

/// Options shared by every command that analyzes text.
struct AnalysisOptions: ParsableArguments {
    @Option(name: .customLong("tokenizer"), help: "Chinese tokenizer: bigram (default), dictionary, or search.")
    var mode: TokenizerMode = .bigram

    @Option(name: .customLong("dictionary"), help: "An extra jieba-format dictionary (repeatable).")
    var dictionaries: [String] = []

    @Flag(help: "In bigram mode, leave out single characters.")
    var noUnigrams = false

    @Flag(help: "Keep English words unstemmed.")
    var noStemming = false

    @Flag(help: "Keep traditional Chinese as it is.")
    var noSimplify = false

    @Flag(help: "Keep stopwords.")
    var keepStopwords = false

    @Option(name: .customLong("stopwords"), help: "A file of extra stopwords, one per line (repeatable).")
    var stopwordFiles: [String] = []

    func makeAnalyzer() throws -> Analyzer {
        let options = AnalyzerOptions(mode: mode, includesUnigrams: !noUnigrams, stemsEnglish: !noStemming, simplifiesChinese: !noSimplify)
        do {
            var stopwords: StopwordList = keepStopwords ? .none : .standard
            for file in stopwordFiles {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                    throw TextError("\(file): cannot read the stopword file (UTF-8 expected)")
                }
                let normalizer = TextNormalizer()
                stopwords.add(text.split(whereSeparator: \.isNewline).map { normalizer.normalize(String($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            }
            return try TextResources.makeAnalyzer(options: options, extraDictionaries: dictionaries, stopwords: stopwords)
        } catch {
            printError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

extension TokenizerMode: ExpressibleByArgument {}
