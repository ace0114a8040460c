import DuijieWorkbook
import Testing

@Suite struct ColumnWidthTests {
    @Test func chineseTakesTwiceTheWidthOfLatin() {
        let sheet = Worksheet(name: "s", header: ["名称", "name"], rows: [["技术转移中心", "abcdef"]])
        #expect(sheet.resolvedColumnWidths == [13, 7])
    }

    @Test func theHeadingLeavesRoomForTheFilterButton() {
        let sheet = Worksheet(name: "s", header: ["推荐理由说明"], rows: [["短"]])
        #expect(sheet.resolvedColumnWidths == [15])
    }

    @Test func theWidestLineOfATextCounts() {
        let sheet = Worksheet(name: "s", rows: [["第一行\n很长很长的第二行"]])
        #expect(sheet.resolvedColumnWidths == [17])
    }

    @Test func widthsFromContentStayBetween6And60() {
        let sheet = Worksheet(name: "s", rows: [["a", .empty, .text(String(repeating: "x", count: 200))]])
        #expect(sheet.resolvedColumnWidths == [6, 6, 60])
    }

    @Test func numbersTakeTheWidthGeneralShows() {
        // General shows at most 11 characters (1E+15 for 1e15): a column is never measured wider.
        let sheet = Worksheet(name: "s", rows: [[1234567, 0.8341, 1234567.5, 1e15, -12]])
        #expect(sheet.resolvedColumnWidths == [8, 7, 10, 12, 6])
    }

    @Test func widthsAskedForWinAndRowsMayBeLongerThanTheHeader() {
        let sheet = Worksheet(name: "s", header: ["a"], rows: [["x", "一二三四五六七八"]], columnWidths: [0: 30])
        #expect(sheet.resolvedColumnWidths == [30, 17])
    }
}

@Suite struct CellTests {
    @Test func aFloatIsTakenAtItsShortestDecimalForm() {
        #expect(Worksheet.Cell(Float(0.835)) == .number(0.835))
        #expect(Double(Float(0.835)) != 0.835)
        #expect(Worksheet.Cell(Float.infinity) == .number(.infinity))
    }

    @Test func literalsMakeTextAndNumbers() {
        let row: [Worksheet.Cell] = ["北京", 0.82, 3]
        #expect(row == [.text("北京"), .number(0.82), .number(3)])
    }
}
