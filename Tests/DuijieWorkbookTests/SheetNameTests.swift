import DuijieWorkbook
import Testing

@Suite struct SheetNameTests {
    private func names(_ requested: [String]) -> [String] {
        Workbook(requested.map { Worksheet(name: $0) }).sheetNames
    }

    @Test func validNamesAreKept() {
        #expect(names(["北京大学", "需求 D-001", "O'Brien"]) == ["北京大学", "需求 D-001", "O'Brien"])
    }

    @Test func forbiddenAndControlCharactersBecomeUnderscores() {
        #expect(names(["a[b]c:d*e?f/g\\h", "第一行\n第二行", "全角：冒号"]) == ["a_b_c_d_e_f_g_h", "第一行_第二行", "全角：冒号"])
    }

    @Test func spacesAndApostrophesAreTrimmedFromTheEnds() {
        #expect(names(["  'O'Brien's'  "]) == ["O'Brien's"])
    }

    @Test func longNamesAreCutTo31UTF16UnitsAtCharacterBoundaries() {
        #expect(names([String(repeating: "技", count: 40)]) == [String(repeating: "技", count: 31)])
        // Each emoji is two UTF-16 units: 15 fit.
        #expect(names([String(repeating: "😀", count: 20)]) == [String(repeating: "😀", count: 15)])
        // A cut that ends on a space is trimmed again.
        #expect(names([String(repeating: "a", count: 30) + " bc"]) == [String(repeating: "a", count: 30)])
    }

    @Test func emptyNamesBecomeSheetAndTheirPosition() {
        #expect(names(["a", "", " ' "]) == ["a", "Sheet2", "Sheet3"])
    }

    @Test func takenNamesIgnoringCaseGetTheFirstFreeNumber() {
        #expect(names(["Data", "DATA", "data", "数据", "数据"]) == ["Data", "DATA (2)", "data (3)", "数据", "数据 (2)"])
        #expect(names(["Sheet2", ""]) == ["Sheet2", "Sheet2 (2)"])
        #expect(names(["Ärger", "ärger"]) == ["Ärger", "ärger (2)"])
    }

    @Test func historyIsReservedByExcel() {
        #expect(names(["History", "history"]) == ["History (2)", "history (3)"])
    }

    @Test func aNumberedLongNameStillFits() {
        let long = String(repeating: "长", count: 40)
        #expect(names([long, long, long]) == [String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)",
                                              String(repeating: "长", count: 27) + " (3)"])
    }
}
