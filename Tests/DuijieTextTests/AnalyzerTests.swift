import DuijieBase
@testable import DuijieText
import Foundation
import Testing

@Suite struct AnalyzerTests {
    let bigrams = try! Analyzer(options: AnalyzerOptions(simplifiesChinese: false))

    @Test func bigramModeGivesCharactersAndPairs() {
        // 回收 is two characters: both unigrams and the pair, in text order.
        #expect(bigrams.terms("电池回收") == ["电", "电池", "池", "池回", "回", "回收", "收"])
        #expect(try! Analyzer(options: AnalyzerOptions(includesUnigrams: false, simplifiesChinese: false)).terms("电池回收") == ["电池", "池回", "回收"])
    }

    @Test func stopPhrasesAndParticlesCutChineseRuns() {
        // 本发明, 公开了 and 一种 are boilerplate; 的 is a boundary, so no pair spans it.
        #expect(bigrams.terms("本发明公开了一种锂的回收") == ["锂", "回", "回收", "收"])
    }

    @Test func latinTokensKeepTheirShape() {
        #expect(bigrams.terms("5G PM2.5 Li-ion GB/T 19001-2016 NCM811 e.g. x") == ["5g", "pm2.5", "li-ion", "gb/t", "19001-2016", "ncm811"])
        #expect(bigrams.terms("The batteries are recycling catalysts") == ["batteri", "recycl", "catalyst"])
        #expect(try! Analyzer(options: AnalyzerOptions(stemsEnglish: false, simplifiesChinese: false)).terms("batteries") == ["batteries"])
    }

    @Test func mixedChineseAndEnglishInOneField() {
        #expect(bigrams.terms("５Ｇ基站用Li-ion") == ["5g", "基", "基站", "站", "站用", "用", "li-ion"])
    }

    @Test func emptyPunctuationAndStopwordOnlyTextGiveNoTerms() {
        #expect(bigrams.terms("").isEmpty)
        #expect(bigrams.terms("，。！？……——「」 \t\n").isEmpty)
        #expect(bigrams.terms("本发明公开了一种的").isEmpty)
        #expect(bigrams.terms("the of and").isEmpty)
    }

    @Test func controlCharactersAndInvalidScalarsAreSeparators() {
        #expect(bigrams.terms("电池\u{0}\u{7}回收\u{FFFD}5g") == ["电", "电池", "池", "回", "回收", "收", "5g"])
    }

    @Test func aLongFieldIsTokenizedWithoutTrouble() {
        let text = String(repeating: "退役锂电池梯次利用，", count: 100_000)  // about 3 MB of UTF-8
        let terms = bigrams.terms(text)
        #expect(terms.count == 100_000 * 13)
    }

    @Test func dictionaryModesSegmentAndFilter() throws {
        let path = try #require(TextResourcesForTests.jiebaDictionary, "install python3-jieba")
        var lexicon = Lexicon()
        try lexicon.load(contentsOf: path, normalizer: TextNormalizer())
        lexicon.add(Array("梯次利用".unicodeScalars), frequency: 5000)
        let converter = try ChineseConverter()
        let dictionary = try Analyzer(options: AnalyzerOptions(mode: .dictionary), lexicon: lexicon, converter: converter)
        #expect(dictionary.terms("本发明公开了一种退役鋰電池梯次利用方法") == ["退役", "锂电池", "梯次利用"])
        let search = try Analyzer(options: AnalyzerOptions(mode: .search), lexicon: lexicon, converter: converter)
        // Inner words of long words are added; 利用 is a stopword and stays out.
        #expect(search.terms("退役锂电池梯次利用") == ["退役", "锂电池", "锂电", "电池", "梯次利用", "梯次"])
        // Characters the dictionary cannot join fall back to bigrams (丂丄丅 holds no dictionary word).
        #expect(dictionary.terms("丂丄丅电池") == ["丂丄", "丄丅", "电池"])
    }

    @Test func dictionaryModeWithoutALexiconIsAnError() {
        #expect(throws: DuijieError.self) { try Analyzer(options: AnalyzerOptions(mode: .dictionary, simplifiesChinese: false)) }
        #expect(throws: DuijieError.self) { try Analyzer(options: AnalyzerOptions()) }  // simplification needs OpenCC
    }
}
