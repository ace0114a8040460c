import DuijieText
import FuzzSupport

/// Runs libFuzzer on `fuzz`, after making what every input shares.
@main
enum DictionaryTarget {
    static func main() {
        _ = converter
        FuzzerDriver.run(fuzz)
    }
}

/// Fuzzes the reader of user dictionaries (`--dictionary FILE`, jieba's format: `word
/// [frequency] [tag]` per line) and dictionary segmentation with what it read.
///
/// The input is the dictionary file. When it loads, an analyzer in dictionary mode and one in
/// search mode, with that lexicon alone, cut the dictionary's own text and a fixed sentence. A
/// thrown `DuijieError` is an answer; only a crash, a hang or running out of memory is a
/// finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(FuzzerDriver.bytes(data, size))
    let normalizer = TextNormalizer(converter: converter)
    var lexicon = Lexicon()
    guard (try? lexicon.load(bytes: bytes, name: "user.dict", normalizer: normalizer)) != nil else { return 0 }
    let text = String(decoding: bytes, as: UTF8.self)
    for mode in [TokenizerMode.dictionary, .search] {
        guard let analyzer = try? Analyzer(options: AnalyzerOptions(mode: mode), lexicon: lexicon, converter: converter,
                                           extraDictionaries: [("user.dict", bytes)]) else { continue }
        _ = analyzer.terms(text)
        _ = analyzer.terms(sentence)
        _ = analyzer.fingerprint
    }
    return 0
}

/// A sentence of Chinese, English and numbers, like a demand's.
let sentence = "需要5G基站用Li-ion电池的热失控预警技术，温度≥60℃时报警；退役锂电池无损拆解與正極材料再生"

/// OpenCC's traditional → simplified converter, made once.
let converter = try! ChineseConverter()
