import DuijieBase
import Testing

@Suite struct DisplayWidthTests {
    @Test func wideCharactersTakeTwoColumnsAndMarksNone() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("技术转移") == 8)
        #expect(DisplayWidth.of("5G基站") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e and a combining acute accent
        #expect(DisplayWidth.of("Ａ") == 2 && DisplayWidth.of("ｱ") == 1)  // full-width A, half-width katakana
        #expect(DisplayWidth.of("😀") == 2 && DisplayWidth.of("") == 0)
    }
}
