import ArgumentParser
import DuijieBase
import DuijieRanking
import DuijieText
import Foundation

/// Options shared by every command that analyzes text.
package struct AnalysisOptions: ParsableArguments {
    /// Options with their defaults, as the argument parser needs them.
    package init() {}

    @Option(name: .customLong("tokenizer"), help: "Chinese tokenizer: bigram (default), dictionary, or search.")
    package var mode: TokenizerMode = .bigram

    @Option(name: .customLong("dictionary"), help: "An extra jieba-format dictionary (repeatable).")
    package var dictionaries: [String] = []

    @Flag(help: "In bigram mode, leave out single characters.")
    package var noUnigrams = false

    @Flag(help: "Keep English words unstemmed.")
    package var noStemming = false

    @Flag(help: "Keep traditional Chinese as it is.")
    package var noSimplify = false

    @Flag(help: "Keep stopwords.")
    package var keepStopwords = false

    @Option(name: .customLong("stopwords"), help: "A file of extra stopwords, one per line (repeatable).")
    package var stopwordFiles: [String] = []

    package func makeAnalyzer() throws -> Analyzer {
        let options = AnalyzerOptions(mode: mode, includesUnigrams: !noUnigrams, stemsEnglish: !noStemming, simplifiesChinese: !noSimplify)
        var stopwords: StopwordList = keepStopwords ? .none : .standard
        for file in stopwordFiles {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw DuijieError.text("\(file): cannot read the stopword file (UTF-8 expected)")
            }
            let normalizer = TextNormalizer()
            stopwords.add(text.split(whereSeparator: \.isNewline).map { normalizer.normalize(String($0)).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        return try TextResources.makeAnalyzer(options: options, extraDictionaries: dictionaries, stopwords: stopwords)
    }
}

extension TokenizerMode: ExpressibleByArgument {}
