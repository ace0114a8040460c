import DuijieBase
@testable import DuijieCorpus
import DuijieTestSupport
import Testing

/// `import-csv` is strict by default: quotes, unnamed columns, UTF-16 and encoding guesses.
///
/// Every file is built byte by byte, and every expected line, column, cell and reading comes
/// from the hand-made input: lines and columns counted by hand (columns in characters for
/// quotes, in bytes for encodings), UTF-16 code units from the Unicode code charts, and the
/// GBK bytes and GB18030 readings from Python's codecs (`"大连".encode("gbk")`,
/// `"海水".encode("utf-8").decode("gb18030")`), as the comments say.
@Suite struct CSVStrictnessTests {
    private func importBytes(_ bytes: [UInt8], name: String = "sheet.csv", encoding: TextEncoding = .auto) throws(DuijieError) -> CSVImportResult {
        let directory = TemporaryDirectory()
        let path = directory.write(name, bytes: bytes)
        return try CSVImporter.importFile(path, options: CSVImportOptions(kind: .achievement, encoding: encoding))
    }

    /// The error importing `bytes` throws, or `nil`.
    private func importError(_ bytes: [UInt8], name: String = "sheet.csv", encoding: TextEncoding = .auto) -> DuijieError? {
        do {
            _ = try importBytes(bytes, name: name, encoding: encoding)
            return nil
        } catch {
            return error
        }
    }

    private func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// ASCII text as UTF-16: each character's byte, then 0 (little-endian) or 0 first.
    private func utf16(_ text: String, bigEndian: Bool = false) -> [UInt8] {
        text.utf8.flatMap { bigEndian ? [0, $0] : [$0, 0] }
    }

    // MARK: Quotes

    @Test func anUnclosedQuoteIsAnErrorAtTheQuoteNotRowsMergedIntoOneCell() {
        // `A-1,"abc`: the quote is character 5 of line 2, in cell B2; lines 3 and 4 follow.
        let error = importError(ascii("id,title\nA-1,\"abc\nA-2,x\nA-3,y\n"))
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 5, field: "cell B2"))
        #expect(error?.message == #"unclosed quote: the quote that opens this cell is never closed, so the 2 line(s) after it would all be read into that one cell; close it, or write a quote that belongs to the text as two ("")"#)
    }

    @Test func anUnclosedQuoteAfterACellOfTwoLinesNamesItsLineAndItsRow() {
        // Row 2 spans lines 2 and 3, so the quote on line 4 opens cell B3; nothing follows it.
        let error = importError(ascii("id,title\r\nA-1,\"two\r\nlines\"\r\nA-2,\"x"))
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 4, column: 5, field: "cell B3"))
        #expect(error?.message == #"unclosed quote: the quote that opens this cell is never closed before the end of the file; close it, or write a quote that belongs to the text as two ("")"#)
    }

    @Test func textAfterAClosingQuoteIsAnErrorAtItsFirstCharacter() {
        // `A-1,"abc"def`: the quotes are characters 5 and 9, so `d` is character 10.
        let error = importError(ascii("id,title,abstract\nA-1,\"abc\"def,z\n"))
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 10, field: "cell B2"))
        #expect(error?.message == #"text after a closing quote: "def" follows the quote that closes this cell; quote the whole cell and write each quote inside it as two (""), or remove the quotes"#)
        // Columns count characters: 海 is character 9 of `A-1,"大连"海洋` (byte 13).
        let chinese = importError(ascii("id,title\nA-1,\"") + Array("大连\"海洋\n".utf8))
        #expect(chinese?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 9, field: "cell B2"))
        #expect(chinese?.message.hasPrefix(#"text after a closing quote: "海洋" follows"#) == true)
        // A space after the closing quote is text too.
        let space = importError(ascii("id,title\nA-1,\"abc\" ,\n"))
        #expect(space?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 10, field: "cell B2"))
        #expect(space?.message.hasPrefix(#"text after a closing quote: " " follows"#) == true)
    }

    @Test func quotesThatFollowTheRulesReadAsWritten() throws {
        // Lines end in CR alone here. A-1: a doubled quote, a comma and a line break inside
        // quotes; A-2: a quote inside an unquoted cell (inches) is text, `""` is an empty cell.
        let result = try importBytes(ascii("id,title,abstract\r") + Array("A-1,\"say \"\"hi\"\", then go\",\"a,b\nc\"\rA-2,2\" 阀门,\"\"\r".utf8))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.jsonLines == #"{"id":"A-1","title":"say \"hi\", then go","abstract":"a,b\nc"}"# + "\n" + #"{"id":"A-2","title":"2\" 阀门"}"# + "\n")
    }

    // MARK: Columns without a name

    @Test func aColumnWithoutANameButWithValuesIsAnErrorNamingItsNumber() throws {
        // Column B has no header; row 2 leaves it empty, row 3 has "zz" in it.
        let result = try importBytes(ascii("id,,title\nA-1,,x\nA-2,zz,y\n"))
        #expect(result.issues.map(\.description) == [
            "sheet.csv:row 1: column B: has no name (it is column 2), but 1 row(s) have a value in it, the first row 3; give it a header, or pass --ignore-unknown-columns to import the sheet without it",
        ])
        #expect(result.hasErrors && result.records.isEmpty)
    }

    @Test func anEmptyColumnWithoutANameIsLeftOutQuietly() throws {
        // Excel's trailing comma: column C has neither a name nor a value, so nothing is lost.
        let result = try importBytes(ascii("id,title,\r\nA-1,x,\r\nA-2,y,\r\n"))
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.records.count == 2)
    }

    // MARK: UTF-16

    @Test func excelUnicodeTextIsUTF16LittleEndianWithItsMarkAndTabs() throws {
        // FF FE, then tab-separated UTF-16LE: 大 U+5927, 连 U+8FDE, 𠀀 U+20000 = D840 DC00.
        let row = utf16("A-1\t") + [0x27, 0x59, 0xDE, 0x8F, 0x40, 0xD8, 0x00, 0xDC] + utf16("\r\n")
        let result = try importBytes([0xFF, 0xFE] + utf16("id\ttitle\r\n") + row, name: "sheet.txt")
        #expect(result.encoding == .utf16le)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.jsonLines == #"{"id":"A-1","title":"大连𠀀"}"# + "\n")
    }

    @Test func utf16BigEndianWithItsMarkIsRead() throws {
        let row = utf16("A-1,", bigEndian: true) + [0x59, 0x27, 0x8F, 0xDE] + utf16("\n", bigEndian: true)
        let result = try importBytes([0xFE, 0xFF] + utf16("id,title\n", bigEndian: true) + row)
        #expect(result.encoding == .utf16be)
        #expect(result.jsonLines == #"{"id":"A-1","title":"大连"}"# + "\n")
    }

    @Test func utf16WithoutItsMarkIsNamedInsteadOfGarbled() throws {
        let bytes = utf16("id\ttitle\nA-1\t") + [0x27, 0x59] + utf16("\n")
        let guessed = importError(bytes, name: "sheet.txt")
        #expect(guessed?.location == DuijieError.Location(file: "sheet.txt", line: 1))
        #expect(guessed?.message == #"the file looks like UTF-16LE without a byte-order mark (every second byte is zero, as in Excel's "Unicode text"); pass --encoding utf-16le, or save the sheet as "CSV UTF-8""#)
        // UTF-8 holds the same bytes without an error, so naming it is no way around.
        let named = importError(bytes, name: "sheet.txt", encoding: .utf8)
        #expect(named?.message.hasPrefix("the file looks like UTF-16LE without a byte-order mark, not UTF-8 (") == true)
        let result = try importBytes(bytes, name: "sheet.txt", encoding: .utf16le)
        #expect(result.jsonLines == #"{"id":"A-1","title":"大"}"# + "\n")
    }

    @Test func aByteOrderMarkThatContradictsTheNamedEncodingIsAnError() {
        let error = importError([0xFF, 0xFE] + utf16("id,title\nA-1,x\n"), encoding: .utf8)
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 1, column: 1))
        #expect(error?.message == "the file starts with a UTF-16LE byte-order mark, but --encoding utf-8 was given; leave --encoding out, or pass --encoding utf-16le")
    }

    @Test func aLoneSurrogateIsLocatedByLineAndByte() {
        // Line 2 is `A-1,` (four units, bytes 1–8), then D800 with no low half: byte 9.
        let error = importError([0xFF, 0xFE] + utf16("id,title\nA-1,") + [0x00, 0xD8] + utf16("x\n"))
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 9))
        #expect(error?.message == "byte 9 of the line is not valid UTF-16LE (half of a surrogate pair, or a last byte without its pair)")
    }

    @Test func utf16NamedForAFileWithoutZeroBytesIsRefused() {
        let error = importError(ascii("id,title\nA-1,x\n"), encoding: .utf16le)
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 1))
        #expect(error?.message == "the file has no zero byte, so it is not UTF-16LE (each comma, tab and line break of UTF-16 text has one); it reads as UTF-8: leave --encoding out, or pass --encoding utf-8")
    }

    @Test func aWorkbookIsNotTakenForText() {
        // An .xlsx file is a ZIP archive: it opens with PK 03 04.
        let error = importError([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], name: "sheet.csv")
        #expect(error?.location == DuijieError.Location(file: "sheet.csv"))
        #expect(error?.message == #"the file is an Excel workbook (.xlsx), not text; save the sheet as "CSV UTF-8" in Excel and import that"#)
    }

    // MARK: Encoding guesses

    /// `id,title` then `A-1,大连` in GBK: "大连".encode("gbk") == b"\xb4\xf3\xc1\xac".
    private var gbkSheet: [UInt8] { ascii("id,title\nA-1,") + [0xB4, 0xF3, 0xC1, 0xAC] + ascii("\n") }

    @Test func aGuessOfGB18030IsReportedWithTheLineItCameFrom() throws {
        let guessed = try importBytes(gbkSheet)
        #expect(guessed.encoding == .gb18030)
        #expect(guessed.issues.map(\.description) == [
            #"sheet.csv:2: warning: not UTF-8 (byte 5 of this line), so read as GB18030, the encoding of Excel on Chinese Windows: the line reads "A-1,大连"; pass --encoding gb18030 to confirm, or name the file's encoding with --encoding"#,
        ])
        #expect(guessed.jsonLines == #"{"id":"A-1","title":"大连"}"# + "\n")
        let named = try importBytes(gbkSheet, encoding: .gb18030)
        #expect(named.issues.isEmpty)
    }

    @Test func utf8NamedForGBKBytesNamesTheFirstBadLineAndWhatTheBytesLookLike() {
        let error = importError(gbkSheet, encoding: .utf8)
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 5))
        #expect(error?.message == #"byte 5 of the line is not valid UTF-8; the bytes look like GB18030: the whole file reads as it (this line: "A-1,大连"); pass --encoding gb18030"#)
    }

    /// "海水".encode("utf-8") == b"\xe6\xb5\xb7\xe6\xb0\xb4", which GB18030 reads as "娴锋按".
    private let haishui: [UInt8] = [0xE6, 0xB5, 0xB7, 0xE6, 0xB0, 0xB4]

    @Test func gbkNamedForUTF8BytesIsRefusedInsteadOfGarbled() {
        let error = importError(ascii("id,title\nA-1,") + haishui + ascii("\n"), encoding: .gbk)
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 5))
        #expect(error?.message == #"this line is UTF-8 ("A-1,海水"), not GBK (as GBK it would read "A-1,娴锋按"); the whole file is UTF-8: leave --encoding out, or pass --encoding utf-8"#)
    }

    @Test func aMixedFileIsBlamedOnItsFirstLineThatFailsToDecode() {
        // Lines 2 and 4 are UTF-8, line 3 is GBK. GB18030 reads every line without an error,
        // so the file used to be read as GB18030 with line 2 garbled into "娴锋按".
        let bytes = ascii("id,title\nA-1,") + haishui + ascii("\nA-2,") + [0xB4, 0xF3, 0xC1, 0xAC] + ascii("\nA-3,") + haishui + ascii("\n")
        let guessed = importError(bytes)
        #expect(guessed?.location == DuijieError.Location(file: "sheet.csv", line: 3, column: 5))
        #expect(guessed?.message == #"the file mixes encodings: byte 5 of this line is not UTF-8 (as GB18030 it reads "A-2,大连"), but line 2 is UTF-8 ("A-1,海水"); save the sheet again in one encoding (Excel: "CSV UTF-8")"#)
        let asUTF8 = importError(bytes, encoding: .utf8)
        #expect(asUTF8?.location == DuijieError.Location(file: "sheet.csv", line: 3, column: 5))
        #expect(asUTF8?.message == #"byte 5 of the line is not valid UTF-8; it reads as GB18030 ("A-2,大连"), but line 2 is UTF-8 ("A-1,海水"): the file mixes encodings; save the sheet again in one (Excel: "CSV UTF-8")"#)
        // Named GBK, the first line GBK would garble is line 2.
        let asGBK = importError(bytes, encoding: .gbk)
        #expect(asGBK?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 5))
        #expect(asGBK?.message == #"this line is UTF-8 ("A-1,海水"), not GBK (as GBK it would read "A-1,娴锋按"); the file mixes encodings; save the sheet again in one (Excel: "CSV UTF-8")"#)
    }

    @Test func gbkBytesThatHappenToBeValidUTF8AreAmbiguous() throws {
        // "一丌".encode("gbk") == b"\xd2\xbb\xd8\xa2", which is also UTF-8 for U+04BB U+0622 "һآ".
        let bytes = ascii("id,title\nA-1,") + [0xD2, 0xBB, 0xD8, 0xA2] + ascii("\n")
        let error = importError(bytes)
        #expect(error?.location == DuijieError.Location(file: "sheet.csv", line: 2, column: 5))
        #expect(error?.message == #"the encoding is ambiguous: the bytes are valid UTF-8, but only GB18030 reads them as Chinese; this line is "A-1,һآ" in UTF-8 and "A-1,一丌" in GB18030; pass --encoding gb18030 (or gbk) or --encoding utf-8 to say which"#)
        #expect(try importBytes(bytes, encoding: .gbk).jsonLines == #"{"id":"A-1","title":"一丌"}"# + "\n")
        #expect(try importBytes(bytes, encoding: .utf8).jsonLines == #"{"id":"A-1","title":"һآ"}"# + "\n")
    }

    @Test func utf8ChineseIsNotAmbiguous() throws {
        let result = try importBytes(ascii("id,title\nA-1,") + haishui + ascii("\n"))
        #expect(result.encoding == .utf8 && result.issues.isEmpty)
        #expect(result.jsonLines == #"{"id":"A-1","title":"海水"}"# + "\n")
    }
}
