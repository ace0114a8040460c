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

    @Test func markdownCellsKeepTheTableShape() {
        #expect(MarkdownText.cell("a|b\nc") == #"a\|b c"#)
    }
}
