@testable import DuijieCorpus
import Testing

/// Expected texts written by hand from RFC 4180 (quote a field holding a comma, a quote or a line
/// break; double its quotes) and the Markdown table rules (`\|` in a cell, no line breaks).
@Suite struct ReportTextTests {
    @Test func csvQuotesWhatNeedsItAndEndsEveryRow() {
        let rows = [["id", "名称", "note"], ["A-1", "锂电池, 回收", #"say "hi""#], ["A-2", "两\n行", ""]]
        #expect(CSVText.render(rows) == "id,名称,note\r\nA-1,\"锂电池, 回收\",\"say \"\"hi\"\"\"\r\nA-2,\"两\n行\",\r\n")
        #expect(CSVText.render(rows.prefix(1).map { $0 }, lineBreak: .lf) == "id,名称,note\n")
        #expect(CSVText.render([]) == "")
    }

    @Test func cellsASpreadsheetWouldRunAsFormulasAreWrittenAsText() {
        // The cases of OWASP's CSV-injection advice, with the expected text written by hand.
        #expect(CSVText.safeCell("=HYPERLINK(\"http://x\",\"点此\")") == "'=HYPERLINK(\"http://x\",\"点此\")")
        #expect(CSVText.safeCell("+86 411 8470") == "'+86 411 8470")
        #expect(CSVText.safeCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVText.safeCell("-2+3") == "'-2+3")
        #expect(CSVText.safeCell("\tcmd") == "'\tcmd")
        #expect(CSVText.safeCell("-12.5") == "-12.5" && CSVText.safeCell("海参") == "海参" && CSVText.safeCell("") == "")
        #expect(CSVText.render([["=1+1", "a"]], lineBreak: .lf, neutralizingFormulas: true) == "'=1+1,a\n")
        #expect(CSVText.render([["=1+1", "a"]], lineBreak: .lf) == "=1+1,a\n")  // inputs for tests stay as written
    }

    @Test func markdownCellsKeepTheTableShape() {
        #expect(MarkdownText.cell("a|b\nc") == #"a\|b c"#)
    }
}
