@testable import DuijieText
import Foundation
import Testing

@Suite struct SharedWordsTests {
    /// jieba's dictionary plus two domain words, as the domain lexicon adds them; nil without jieba.
    static let finder: SharedWords? = {
        guard let path = TextResourcesForTests.jiebaDictionary, let converter = try? ChineseConverter() else { return nil }
        let normalizer = TextNormalizer(converter: converter)
        var lexicon = Lexicon()
        try? lexicon.load(contentsOf: path, normalizer: normalizer)
        lexicon.add(Array("梯次利用".unicodeScalars), frequency: 5000)
        lexicon.add(Array("动力电池".unicodeScalars), frequency: 5000)
        return SharedWords(lexicon: lexicon, normalizer: normalizer)
    }()

    // Expected words below are read off by hand: the longest spans both texts contain, cut at
    // the words jieba (with the two added words) makes of each text.

    @Test(.enabled(if: finder != nil, "install python3-jieba"))
    func theLongestSharedSpansShowAsWholeWords() throws {
        let finder = try #require(Self.finder)
        let words = finder.words(sharedBy: "废旧动力电池梯次利用于用户侧储能", and: "退役动力电池梯次利用与储能系统集成")
        // 动力电池梯次利用 (8 characters) is one span, shown whole; 储能 is the other.
        #expect(words == ["动力电池梯次利用", "储能"])
    }

    @Test(.enabled(if: finder != nil, "install python3-jieba"))
    func aSharedPairThatStraddlesWordsIsNotShown() throws {
        let finder = try #require(Self.finder)
        // 力电 is the only span: inside 动力|电池 on one side and 电力|电子 on the other.
        #expect(finder.words(sharedBy: "动力电池", and: "电力电子").isEmpty)
        // 池回 straddles 电池|回收; single characters (池, 回) never show.
        #expect(finder.words(sharedBy: "电池回收", and: "蓄水池回用").isEmpty)
        // The shared span 力电池 lies inside the query's one word 动力电池: no whole word of it is shared.
        #expect(finder.words(sharedBy: "动力电池", and: "电力电池组").isEmpty)
    }

    @Test(.enabled(if: finder != nil, "install python3-jieba"))
    func otherScriptsShareWholeWordsAndTraditionalCharactersMatchSimplified() throws {
        let finder = try #require(Self.finder)
        #expect(finder.words(sharedBy: "Li-ion battery recycling, 3000 cycles", and: "a battery recycling plant, 3000 t") == ["battery", "recycling"])
        #expect(finder.words(sharedBy: "batteries", and: "battery").isEmpty)  // whole words only
        #expect(finder.words(sharedBy: "動力電池回收", and: "动力电池梯次利用") == ["动力电池"])
        #expect(finder.words(sharedBy: "", and: "动力电池").isEmpty)
    }

    @Test(.enabled(if: finder != nil, "install python3-jieba"))
    func aLongSpanShowsAsItsWords() throws {
        let finder = try #require(Self.finder)
        // 12 characters shared, longer than longestPhrase (8): shown as its words of 2+ characters.
        let shared = "退役动力电池梯次利用技术"
        let words = finder.words(sharedBy: "一种" + shared + "方法", and: "关于" + shared + "研究")
        #expect(words == ["退役", "动力电池", "梯次利用", "技术"])
    }
}
