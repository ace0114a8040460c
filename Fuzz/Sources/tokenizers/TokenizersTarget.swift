import DuijieRanking
import DuijieText
import FuzzSupport

/// Runs libFuzzer on `fuzz`, after making what every input shares.
@main
enum TokenizersTarget {
    static func main() {
        _ = analyzers
        _ = sharedWords
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the tokenizers: normalization (NFKC, case folding, OpenCC's traditional →
/// simplified), script runs, bigrams, dictionary segmentation, stopwords and Porter stemming,
/// and the shared words an explanation shows.
///
/// The input is text (invalid UTF-8 repaired, as `String(decoding:)` does). Every analyzer in
/// `analyzers` cuts it into terms; with the jieba dictionary installed (Debian's python3-jieba),
/// the dictionary and search modes do too, and the text's two halves are compared for shared
/// words. Nothing here throws, so any trap is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: FuzzerDriver.bytes(data, size), as: UTF8.self)
    for analyzer in analyzers {
        _ = analyzer.terms(text)
    }
    if let sharedWords {
        let scalars = Array(text.unicodeScalars)
        let middle = scalars.count / 2
        let query = String(String.UnicodeScalarView(scalars[..<middle]))
        let document = String(String.UnicodeScalarView(scalars[middle...]))
        _ = sharedWords.words(sharedBy: query, and: document)
    }
    return 0
}

/// Bigrams with the default options and with every option turned off; the dictionary and
/// search modes when the jieba dictionary is installed.
let analyzers: [Analyzer] = {
    var made = [
        try! TextResources.makeAnalyzer(),
        try! TextResources.makeAnalyzer(options: AnalyzerOptions(includesUnigrams: false, stemsEnglish: false, simplifiesChinese: false), stopwords: .none),
    ]
    if TextResources.jiebaDictionaryPath() != nil {
        made.append(try! TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .dictionary)))
        made.append(try! TextResources.makeAnalyzer(options: AnalyzerOptions(mode: .search)))
    } else {
        print("tokenizers: no jieba dictionary, so bigrams only (install python3-jieba for the dictionary modes)")
    }
    return made
}()

/// The explanations' shared-word finder, when the jieba dictionary is installed.
let sharedWords: SharedWords? = TextResources.jiebaDictionaryPath() == nil ? nil : try! TextResources.sharedWords(for: analyzers[0])
