import DuijieBase
@testable import DuijieText
import Foundation
import Testing

@Suite struct TextNormalizerTests {
    // Expected forms from the Unicode compatibility decompositions: the full-width block
    // U+FF01–U+FF5E maps to U+0021–U+007E, ① to 1, ㎡ to m2, ℃ to °C, U+3000 to a space.
    @Test(arguments: [
        ("５Ｇ基站", "5g基站"),
        ("ＰＭ２．５", "pm2.5"),
        ("Li-Ion电池", "li-ion电池"),
        ("锂电池（正极）", "锂电池(正极)"),
        ("①号线\u{3000}１００㎡", "1号线 100m2"),
        ("温度≤８０℃", "温度≤80°c"),
        ("Cafe\u{301}", "café"),
    ])
    func compatibilityFormsAndCaseAreFolded(input: String, expected: String) {
        #expect(TextNormalizer().normalize(input) == expected)
    }

    @Test func caseFoldingCanBeTurnedOff() {
        #expect(TextNormalizer(foldsCase: false).normalize("ＮＣＭ８１１") == "NCM811")
    }

    @Test func fastPathEqualsFoundationNFKC() {
        // Random strings over ASCII, full-width forms, CJK, Latin-1, Greek, symbols and
        // combining marks: the inline path must agree with Foundation's NFKC + lowercased().
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xFF01...0xFF5E, 0x4E00...0x4E80, 0xC0...0x17F, 0x391...0x3C9,
                                            0x2150...0x218F, 0x2460...0x24FF, 0x3300...0x33FF, 0x300...0x36F, 0x3000...0x303F]
        var seed = SplitMix64(seed: 7)
        let normalizer = TextNormalizer()
        for _ in 0..<2_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int(seed.next() % 12) {
                let pool = pools[Int(seed.next() % UInt64(pools.count))]
                if let scalar = Unicode.Scalar(pool.lowerBound + UInt32(seed.next() % UInt64(pool.count))) { text.append(scalar) }
            }
            let input = String(text)
            #expect(normalizer.normalize(input) == input.precomposedStringWithCompatibilityMapping.lowercased(), "\(Array(input.unicodeScalars.map(\.value)))")
        }
    }

    @Test func traditionalChineseBecomesSimplifiedThroughOpenCC() throws {
        let normalizer = TextNormalizer(converter: try ChineseConverter())
        // Character conversions (電→电, 池 unchanged, 與→与) and OpenCC's phrase rule 乾燥→干燥.
        #expect(normalizer.normalize("鋰電池與乾燥設備") == "锂电池与干燥设备")
        #expect(normalizer.normalize("ＲＶ減速機背隙") == "rv减速机背隙")
        #expect(normalizer.normalize("锂电池") == "锂电池")
    }

    @Test func converterKnowsWhichCharactersItChanges() throws {
        let converter = try ChineseConverter()
        #expect(converter.isConvertible("電"))
        #expect(!converter.isConvertible("电"))
        #expect(!converter.isConvertible("A"))
        #expect(converter.simplify("already simplified 电池") == "already simplified 电池")
        #expect(throws: DuijieError.self) { try ChineseConverter(configuration: "no-such-config.json") }
    }
}
