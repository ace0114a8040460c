import DuijieTestSupport
import Testing

/// `duijie corpus import-csv` refuses what it cannot read without loss, and reads Excel's
/// "Unicode text".
@Suite struct ImportStrictnessCommandTests {
    @Test func anUnclosedQuoteExitsNonZeroAndWritesNothing() throws {
        let directory = TemporaryDirectory()
        directory.write("out.jsonl", "precious\n")
        // Hand-made: the quote of `A-1,"abc` is character 5 of line 2, in cell B2.
        let sheet = directory.write("sheet.csv", "id,title\nA-1,\"abc\nA-2,x\n")
        let outcome = try CommandRunner.run(["corpus", "import-csv", sheet, "--kind", "achievement", "-o", directory.path + "/out.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == #"sheet.csv:2:5: cell B2: unclosed quote: the quote that opens this cell is never closed, so the 1 line(s) after it would all be read into that one cell; close it, or write a quote that belongs to the text as two ("")"# + "\n")
        #expect(directory.read("out.jsonl") == "precious\n")

        // Excel's "Unicode text": UTF-16LE with its mark (FF FE), tab-separated, .txt;
        // 大 is U+5927 (27 59 little-endian).
        let text = directory.write("sheet.txt", bytes: [0xFF, 0xFE] + "id\ttitle\r\nA-1\t".utf8.flatMap { [$0, 0] } + [0x27, 0x59, 0x0D, 0x00, 0x0A, 0x00])
        let unicode = try CommandRunner.run(["corpus", "import-csv", text, "--kind", "achievement"])
        #expect(unicode.status == 0, "\(unicode.standardError)")
        #expect(unicode.standardOutput == #"{"id":"A-1","title":"大"}"# + "\n")
        #expect(unicode.standardError == "wrote 1 achievements to standard output (read as utf-16le)\n")
    }
}
