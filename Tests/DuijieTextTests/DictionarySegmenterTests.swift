import Testing
@testable import DuijieText

@Suite struct DictionarySegmenterTests {
    private func segment(_ text: String, _ lexicon: Lexicon) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return DictionarySegmenter(lexicon: lexicon).segment(scalars, 0..<scalars.count).map { range in
            var word = String()
            word.unicodeScalars.append(contentsOf: scalars[range])
            return word
        }
    }

    @Test func takesTheMaximumProbabilityPath() {
        // By hand, with total T = 37: 研究/生命/起源 scores 3·ln 10 − 3 ln T; 研究生/命/起源 scores
        // ln 5 + ln 1 + ln 10 − 3 ln T, which is lower; so the first path wins.
        var lexicon = Lexicon()
        for (word, frequency) in [("研究", 10.0), ("研究生", 5), ("生命", 10), ("命", 1), ("起源", 10), ("生", 1)] {
            lexicon.add(Array(word.unicodeScalars), frequency: frequency)
        }
        #expect(segment("研究生命起源", lexicon) == ["研究", "生命", "起源"])
        // Characters no word covers stand alone.
        #expect(segment("研究甲乙", lexicon) == ["研究", "甲", "乙"])
    }

    @Test func matchesJiebaWithoutHMMOnTheSameDictionary() throws {
        // Expected segmentations printed by jieba 0.42.1 (Debian's python3-jieba):
        // " ".join(jieba.cut(sentence, HMM=False)), with its bundled dict.txt.
        let path = try #require(TextResourcesForTests.jiebaDictionary, "install python3-jieba")
        var lexicon = Lexicon()
        try lexicon.load(contentsOf: path, normalizer: TextNormalizer())
        let expected: [(String, String)] = [
            ("研究生命起源", "研究 生命 起源"),
            ("退役动力电池梯次利用技术", "退役 动力电池 梯次 利用 技术"),
            ("大连理工大学化工学院开发了新型催化剂", "大连理工大学 化工学院 开发 了 新型 催化剂"),
            ("高档数控机床主轴热误差补偿", "高档 数控机床 主轴 热 误差 补偿"),
            ("海参养殖池塘底层溶解氧预测", "海参 养殖 池塘 底层 溶解氧 预测"),
            ("船用低速柴油机尾气脱硝", "船用 低速 柴油机 尾气 脱 硝"),
            ("中华人民共和国科学技术部", "中华人民共和国 科学技术部"),
        ]
        for (sentence, words) in expected {
            #expect(segment(sentence, lexicon).joined(separator: " ") == words)
        }
    }
}

enum TextResourcesForTests {
    static let jiebaDictionary: String? = [
        "/usr/lib/python3/dist-packages/jieba/dict.txt", "/usr/share/python3-jieba/dict.txt",
    ].first { FileManager.default.isReadableFile(atPath: $0) }
}

import Foundation
