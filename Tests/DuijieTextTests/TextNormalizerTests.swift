import Testing
@testable import DuijieText

@Suite struct TextNormalizerTests {
    // Expected forms from the Unicode compatibility decompositions of the full-width block
    // (U+FF01–U+FF5E map to U+0021–U+007E).
    @Test(arguments: [
        ("５Ｇ基站", "5g基站"),
        ("ＰＭ２．５", "pm2.5"),
        ("Li-Ion电池", "li-ion电池"),
        ("锂电池（正极）", "锂电池(正极)"),
    ])
    func fullWidthFormsAndCaseAreFolded(input: String, expected: String) {
        #expect(TextNormalizer().normalize(input) == expected)
    }

    @Test func caseFoldingCanBeTurnedOff() {
        #expect(TextNormalizer(foldsCase: false).normalize("ＮＣＭ８１１") == "NCM811")
    }
}
