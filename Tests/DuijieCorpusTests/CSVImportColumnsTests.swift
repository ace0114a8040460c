import DuijieBase
@testable import DuijieCorpus
import DuijieTestSupport
import Testing

/// Which column gives which field, the columns that are not imported, and ids.
@Suite struct CSVImportColumnsTests {
    private func importText(_ text: String, kind: RecordKind = .achievement, ignoreUnknown: Bool = false,
                            idPrefix: String? = nil) throws -> CSVImportResult {
        try CSVImporter.convert(text: text, fileName: "sheet.csv", delimiter: ",",
                                options: CSVImportOptions(kind: kind, ignoreUnknownColumns: ignoreUnknown, idPrefix: idPrefix))
    }

    @Test(arguments: ["单位", "完成单位", "所属单位", "成果单位", "成果完成单位", "持有单位"])
    func organisationColumnsGiveTheOwnerOfAnAchievement(header: String) throws {
        let result = try importText("编号,成果名称,\(header)\nA-1,海水淡化反渗透膜,大连理工大学\n")
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.jsonLines == #"{"id":"A-1","title":"海水淡化反渗透膜","owner":"大连理工大学"}"# + "\n")
    }

    @Test func theOrganisationColumnFollowsTheKind() throws {
        let experts = try importText("编号,姓名,单位\nE-1,王磊,大连海事大学\n", kind: .expert)
        #expect(experts.jsonLines == #"{"id":"E-1","name":"王磊","institution":"大连海事大学"}"# + "\n")
        let demands = try importText("编号,需求名称,单位\nD-1,船体除锈,大连北港船舶配套设备有限公司\n", kind: .demand)
        #expect(demands.jsonLines == #"{"id":"D-1","enterprise":"大连北港船舶配套设备有限公司","title":"船体除锈"}"# + "\n")
    }

    @Test func everyColumnNotImportedIsNamedWithItsReason() throws {
        // B: a demand's field; C: an expert's; D: no record's; E: unnamed but holding data;
        // G: unnamed and empty, which is no data lost and goes unmentioned.
        let result = try importText("""
        编号,预算（万元）,职称,联系人,,成果名称,
        A-1,30,教授,王工,见附件,海水淡化反渗透膜,
        A-2,,,,,船用燃料电池,
        """, ignoreUnknown: true)
        #expect(result.issues.map(\.description) == [
            "sheet.csv:row 1: 预算（万元）: warning: column B not imported: achievements have no such field (it is the budget of demands)",
            "sheet.csv:row 1: 职称: warning: column C not imported: achievements have no such field (it is the title of experts)",
            "sheet.csv:row 1: 联系人: warning: column D not imported: no kind of record has a field of this name",
            "sheet.csv:row 1: column E: warning: not imported: it has no name (it is column 5), and 1 row(s) have a value in it, the first row 2",
        ])
        #expect(result.jsonLines == """
        {"id":"A-1","title":"海水淡化反渗透膜"}
        {"id":"A-2","title":"船用燃料电池"}

        """)
    }

    @Test func unusedColumnsAreWarnedWithoutTheFlagUnknownOnesStop() throws {
        let unused = try importText("编号,成果名称,预算,单位\nA-1,海水淡化反渗透膜,30,大连理工大学\n", kind: .institution)
        // 成果名称 and 单位 have no meaning for institutions either: every kind that has them is named.
        #expect(unused.issues.map(\.description) == [
            "sheet.csv:row 1: 成果名称: warning: column B not imported: institutions have no such field (it is the title of achievements and the title of demands)",
            "sheet.csv:row 1: 预算: warning: column C not imported: institutions have no such field (it is the budget of demands)",
            "sheet.csv:row 1: 单位: warning: column D not imported: institutions have no such field (it is the institution of experts, the owner of achievements and the enterprise of demands)",
            "sheet.csv:row 2: name: missing (required)",
            "sheet.csv:row 2: kind: missing (required)",
        ])
        let unnamed = try importText("编号,成果名称,\nA-1,海水淡化反渗透膜,见附件\n")
        #expect(unnamed.issues.map(\.description) == [
            "sheet.csv:row 1: column C: has no name (it is column 3), but 1 row(s) have a value in it, the first row 2; give it a header, or pass --ignore-unknown-columns to import the sheet without it",
        ])
        #expect(unnamed.records.isEmpty)
    }

    @Test func columnLettersGoPastZ() {
        #expect(SheetColumns.letter(0) == "A")
        #expect(SheetColumns.letter(25) == "Z")
        #expect(SheetColumns.letter(26) == "AA")
        #expect(SheetColumns.letter(27) == "AB")
        #expect(SheetColumns.letter(701) == "ZZ")  // 26 + 26 × 26 columns before AAA
        #expect(SheetColumns.letter(702) == "AAA")
    }

    @Test func idPrefixGoesBeforeDeclaredIdsOnly() throws {
        // The owner and the inventors are references, left as written.
        let result = try importText("序号,成果名称,单位,发明人\n1,海水淡化反渗透膜,I-DUT,E-7\n2,船用燃料电池,I-DICP,\n", idPrefix: "DL24-A")
        #expect(result.jsonLines == """
        {"id":"DL24-A1","title":"海水淡化反渗透膜","owner":"I-DUT","inventors":["E-7"]}
        {"id":"DL24-A2","title":"船用燃料电池","owner":"I-DICP"}

        """)
    }

    @Test func withoutAnIdColumnThePrefixNumbersTheRows() throws {
        // Row 1 is the header and row 3 is blank, so the records are rows 2 and 4.
        let sheet = "成果名称,单位\n海水淡化反渗透膜,I-DUT\n,\n船用燃料电池,I-DICP\n"
        let numbered = try importText(sheet, idPrefix: "A-")
        #expect(numbered.records.compactMap { $0["id"] } == [.string("A-2"), .string("A-4")])
        let unnumbered = try importText(sheet)
        #expect(unnumbered.issues.map(\.description) == [
            "sheet.csv:row 1: id: no column gives the ids (id, 编号, 序号 …); add one, or pass --id-prefix to number the rows",
        ])
    }

    @Test func idPrefixesThatCannotWork() throws {
        #expect {
            try importText("起点,终点,类型\nI-1,C-1,合作\n", kind: .relation, idPrefix: "R-")
        } throws: { error in
            (error as? DuijieError)?.message == "relations have no ids, so an id prefix has nothing to go before"
        }
        #expect(throws: DuijieError.self) { try importText("编号,成果名称\n1,x\n", idPrefix: "A 1") }
    }
}
