import DuijieBase
@testable import DuijieCorpus
import DuijieTestSupport
import Testing

/// `skipBadRecords`: a bad optional cell goes and its row stays; a bad required field takes
/// the row with it; each is a warning naming the row and column.
@Suite struct CSVImportSkipBadTests {
    private let sheet = """
    编号,成果名称,价格（万元）,完成时间,技术成熟度,军民方向
    A-1,海水淡化反渗透膜,若干,尽快,中试,
    A-2,,30,2023,中试,
    A 3,船用燃料电池,30,2023,量子级,
    A-4,船体除锈机器人,约40,45056,熟化,军转民
    """

    private func importSheet(skipBad: Bool) throws -> CSVImportResult {
        try CSVImporter.convert(text: sheet, fileName: "sheet.csv", delimiter: ",",
                                options: CSVImportOptions(kind: .achievement, skipBadRecords: skipBad))
    }

    @Test func withoutSkippingEveryBadCellIsAnErrorAndNothingIsLeftOut() throws {
        let result = try importSheet(skipBad: false)
        #expect(result.issues.map(\.description) == [
            #"sheet.csv:row 2: 价格（万元）: "若干" is not a sum of money (write 50, 50万, 500000元 or 面议)"#,
            #"sheet.csv:row 2: 完成时间: "尽快" is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or an Excel day number)"#,
            "sheet.csv:row 3: 成果名称: missing (required)",
            #"sheet.csv:row 4: 编号: "A 3" contains white space"#,
            #"sheet.csv:row 4: 技术成熟度: unknown maturity "量子级" (expected lab, pilot, maturation, industrialization, or a TRL 1–9)"#,
            #"sheet.csv:row 5: 价格（万元）: warning: "约40" is approximate; imported as 40"#,
            "sheet.csv:row 5: 军民方向: given, but dualUse is not true",
        ])
        #expect(result.hasErrors)
        #expect(result.skippedRows.isEmpty && result.skippedCells.isEmpty)
    }

    @Test func badOptionalCellsGoRowsWithABadRequiredFieldGo() throws {
        let result = try importSheet(skipBad: true)
        #expect(!result.hasErrors)
        #expect(result.issues.map(\.description) == [
            #"sheet.csv:row 2: 价格（万元）: warning: "若干" is not a sum of money (write 50, 50万, 500000元 or 面议); cell left out"#,
            #"sheet.csv:row 2: 完成时间: warning: "尽快" is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or an Excel day number); cell left out"#,
            "sheet.csv:row 3: 成果名称: warning: missing (required); row left out",
            #"sheet.csv:row 4: 编号: warning: "A 3" contains white space; row left out"#,
            #"sheet.csv:row 4: 技术成熟度: warning: unknown maturity "量子级" (expected lab, pilot, maturation, industrialization, or a TRL 1–9)"#
                + "; row left out",
            #"sheet.csv:row 5: 价格（万元）: warning: "约40" is approximate; imported as 40"#,
            "sheet.csv:row 5: 军民方向: warning: given, but dualUse is not true; cell left out",
        ])
        // 45056 is 2023-05-10 (Python: date(1899, 12, 30) + timedelta(45056)).
        #expect(result.jsonLines == """
        {"id":"A-1","title":"海水淡化反渗透膜","maturity":"pilot"}
        {"id":"A-4","title":"船体除锈机器人","maturity":"maturation","price":40,"date":"2023-05-10"}

        """)
        #expect(result.skippedRows.map(\.description) == ["sheet.csv:row 3", "sheet.csv:row 4"])
        #expect(result.skippedCells.map(\.description) == ["sheet.csv:row 2: 价格（万元）", "sheet.csv:row 2: 完成时间", "sheet.csv:row 5: 军民方向"])
    }
}
