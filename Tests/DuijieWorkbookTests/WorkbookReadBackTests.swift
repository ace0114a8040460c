import DuijieTestSupport
import DuijieWorkbook
import Foundation
import Testing

/// Writes workbooks and reads them back with openpyxl, which shares no code with libxlsxwriter.
@Suite(.enabled(if: OpenPyXLReader.enabled, OpenPyXLReader.missing))
struct WorkbookReadBackTests {
    private static let longName = String(repeating: "长", count: 40)

    /// A shortlist per demand as a broker would hand it over, and the awkward cases: names to
    /// sanitize and to number, a sheet without a title and one without a header.
    private static let workbook = Workbook([
        Worksheet(
            name: "需求：智能制造/检测", title: "需求 D-001：基于机器视觉的表面缺陷检测",
            header: ["排名", "成果", "得分", "推荐理由"],
            rows: [
                [1, "高速视觉检测系统", 0.875, "领域相同：智能制造\n同在江苏省\n持有机构有转化记录"],
                [2, "Defect detection with deep learning", 0.5, .empty],
                [3, .empty, -12.25, .text(String(repeating: "理由", count: 40))],
            ]),
        Worksheet(name: longName, title: "第二个需求", header: ["编号"], rows: [["A-1"]]),
        Worksheet(name: longName, header: ["编号", "数值"], rows: [["B-1", 1e15], ["B-2", 1234567.5]]),
        Worksheet(name: "Data", header: ["x"]),
        Worksheet(name: "data", rows: [["no header", 7]], columnWidths: [0: 25]),
    ], created: Date(timeIntervalSince1970: 1_795_132_800))  // 2026-11-20T00:00:00Z

    private let directory = TemporaryDirectory()

    private func writtenAndRead() throws -> ReadWorkbook {
        let path = directory.path + "/清单.xlsx"
        try Self.workbook.write(to: path)
        return try OpenPyXLReader.read(path)
    }

    @Test func sheetNamesAreTheSanitizedOnesInOrder() throws {
        let read = try writtenAndRead()
        let expected = ["需求：智能制造_检测", String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)",
                        "Data", "data (2)"]
        #expect(Self.workbook.sheetNames == expected)
        #expect(read.sheets.map(\.name) == expected)
        #expect(read.created == "2026-11-20T00:00:00")
    }

    @Test func theTitleHeaderAndEveryCellComeBackWithTheirTypes() throws {
        let sheet = try writtenAndRead().sheets[0]
        let cells = sheet.rows.map { $0.map(\.cell) }
        #expect(cells == [
            [.text("需求 D-001：基于机器视觉的表面缺陷检测"), .empty, .empty, .empty],
            [.text("排名"), .text("成果"), .text("得分"), .text("推荐理由")],
            [.number(1), .text("高速视觉检测系统"), .number(0.875), .text("领域相同：智能制造\n同在江苏省\n持有机构有转化记录")],
            [.number(2), .text("Defect detection with deep learning"), .number(0.5), .empty],
            [.number(3), .empty, .number(-12.25), .text(String(repeating: "理由", count: 40))],
        ])
        // Numbers are numbers, not text that looks like one.
        #expect(sheet.rows[2...].allSatisfy { $0[0].type == "number" && $0[2].type == "number" })
    }

    @Test func theTableIsFrozenBelowItsHeaderAndFiltered() throws {
        let sheets = try writtenAndRead().sheets
        #expect(sheets[0].freeze == "A3" && sheets[0].autofilter == "A2:D5")
        #expect(sheets[1].freeze == "A3" && sheets[1].autofilter == "A2:A3")
        #expect(sheets[2].freeze == "A2" && sheets[2].autofilter == "A1:B3")
        // A header without rows still gets its filter; a table without a header gets neither.
        #expect(sheets[3].freeze == "A2" && sheets[3].autofilter == "A1")
        #expect(sheets[4].freeze == nil && sheets[4].autofilter == nil)
        #expect(sheets[4].rows.map { $0.map(\.cell) } == [[.text("no header"), .number(7)]])
    }

    @Test func theTitleAndHeaderAreBoldAndTheHeaderFilled() throws {
        let sheet = try writtenAndRead().sheets[0]
        #expect(sheet.rows[0][0].bold && sheet.rows[0][0].fill == nil)
        #expect(sheet.rows[1].allSatisfy { $0.bold && $0.fill == "FFDDEBF7" })
        #expect(sheet.rows[2...].allSatisfy { row in row.allSatisfy { !$0.bold && $0.fill == nil } })
    }

    @Test func textWithLineBreaksOrWiderThanItsColumnWraps() throws {
        let sheet = try writtenAndRead().sheets[0]
        #expect(sheet.rows[2][3].wrap && sheet.rows[4][3].wrap)
        #expect(!sheet.rows[2][1].wrap && !sheet.rows[3][1].wrap && !sheet.rows[2][0].wrap)
    }

    @Test func columnWidthsAreTheChosenOnes() throws {
        let sheets = try writtenAndRead().sheets
        // libxlsxwriter stores a width with the cell padding Excel adds (under one unit).
        for (sheet, worksheet) in zip(sheets, Self.workbook.worksheets) {
            for (column, width) in worksheet.resolvedColumnWidths.enumerated() {
                let stored = sheet.widths[String(UnicodeScalar(UInt8(65 + column)))] ?? 0
                #expect(stored >= width && stored < width + 1, "\(sheet.name) column \(column): \(stored) for \(width)")
            }
        }
        #expect(Self.workbook.worksheets[0].resolvedColumnWidths == [7, 36, 7, 60])
        #expect((sheets[4].widths["A"] ?? 0) >= 25)
    }

    @Test func anEmptyWorkbookHasOneEmptySheet() throws {
        let path = directory.path + "/empty.xlsx"
        try Workbook().write(to: path)
        let read = try OpenPyXLReader.read(path)
        #expect(read.sheets.map(\.name) == ["Sheet1"])
        #expect(read.created == "2000-01-01T00:00:00")
    }
}
