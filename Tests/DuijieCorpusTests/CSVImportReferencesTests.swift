import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Testing

/// References checked against a corpus directory, and stub records for missing organisations.
@Suite struct CSVImportReferencesTests {
    /// A fresh copy of the Dalian corpus for each test.
    private let directory = TemporaryDirectory()
    private let path: String

    init() {
        path = BrokerSpreadsheets.write(to: directory).corpus
    }

    private func importText(_ text: String, kind: RecordKind, corpus: String, createMissing: Bool = false,
                            skipBad: Bool = false) throws -> CSVImportResult {
        try CSVImporter.convert(text: text, fileName: "sheet.csv", delimiter: ",",
                                options: CSVImportOptions(kind: kind, skipBadRecords: skipBad, corpusDirectory: corpus,
                                                          createMissing: createMissing))
    }

    @Test func aMissingOrganisationSaysHowToFixIt() throws {
        let result = try importText("""
        编号,成果名称,单位
        A-1,海水淡化反渗透膜,大连理工大学
        A-2,船用燃料电池,大连海洋大学
        """, kind: .achievement, corpus: path)
        #expect(result.issues.map(\.description) == [
            #"sheet.csv:row 3: 单位: "大连海洋大学" names no institution or enterprise in \#(path): import that sheet into it first, "#
                + "add the record to \(path)/institutions.jsonl or \(path)/enterprises.jsonl, or pass --create-missing to add a stub",
        ])
        let experts = try importText("编号,姓名,单位\nE-1,孙立群,大连海洋大学\n", kind: .expert, corpus: path)
        #expect(experts.issues.map(\.description) == [
            #"sheet.csv:row 2: 单位: "大连海洋大学" names no institution in \#(path): import the institutions sheet into it first, "#
                + "add the record to \(path)/institutions.jsonl, or pass --create-missing to add a stub",
        ])
        #expect(result.stubs.isEmpty && experts.stubs.isEmpty)
    }

    @Test func otherReferencesAreCheckedAsLoadingWould() throws {
        // Names, aliases and synonyms resolve; a region and a field the taxonomy lacks do not.
        let result = try importText("""
        编号,成果名称,单位,地区,技术领域
        A-1,海水淡化反渗透膜,大工,甘井子,海工装备
        A-2,船用燃料电池,DUT,火星,量子计算
        """, kind: .achievement, corpus: path)
        #expect(result.issues.map(\.description) == [
            #"sheet.csv:row 3: 地区: "火星" does not name a region in the corpus"#,
            #"sheet.csv:row 3: 技术领域: "量子计算" does not name a field in the corpus"#,
        ])
    }

    @Test func createMissingMakesOneStubPerNameAndListsIt() throws {
        let result = try importText("""
        编号,成果名称,单位,地区
        A-1,深海养殖网箱,大连海洋大学,长海县
        A-2,海藻酸盐浮标,大连长兴岛海工新材料有限公司,金普新区
        A-3,即食海参加工装备,大连海洋大学,旅顺口区
        A-4,海水鱼疫苗,大连海洋生物技术研究院,
        """, kind: .achievement, corpus: path, createMissing: true)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.records.count == 4)
        #expect(result.stubs.map { "\($0.location): \($0.column): \($0.kind.rawValue) \($0.id)" } == [
            "sheet.csv:row 2: 单位: institution I-大连海洋大学",
            "sheet.csv:row 3: 单位: enterprise C-大连长兴岛海工新材料有限公司",
            "sheet.csv:row 5: 单位: institution I-大连海洋生物技术研究院",
        ])
        // A company is an enterprise, with its row's region; the kind of an institution comes
        // from its name, and it gets no region (an achievement's says little about its owner's).
        #expect(result.stubs.map { JSONWriter.string($0.record) } == [
            #"{"id":"I-大连海洋大学","name":"大连海洋大学","kind":"university"}"#,
            #"{"id":"C-大连长兴岛海工新材料有限公司","name":"大连长兴岛海工新材料有限公司","region":"金普新区"}"#,
            #"{"id":"I-大连海洋生物技术研究院","name":"大连海洋生物技术研究院","kind":"institute"}"#,
        ])
    }

    @Test func anEnterpriseStubNeedsARegion() throws {
        let result = try importText("编号,需求名称,需求单位\nD-1,养殖水质监测,大连庄河海洋牧场有限公司\n", kind: .demand, corpus: path, createMissing: true)
        #expect(result.issues.map(\.description) == [
            #"sheet.csv:row 2: 需求单位: "大连庄河海洋牧场有限公司" names no enterprise in \#(path), and no stub can be made: "#
                + "an enterprise needs a region, and this row gives none (add a region column, or add the record to \(path)/enterprises.jsonl)",
        ])
        #expect(result.stubs.isEmpty)
    }

    @Test func stubsOfSkippedRowsAreNotMadeAndIdsDoNotCollide() throws {
        // An institution whose id is the one a stub for "大连海洋大学" would take.
        directory.write("corpus/institutions.jsonl", BrokerSpreadsheets.corpus["institutions.jsonl"]! + "\n"
                        + #"{"id":"I-大连海洋大学","name":"大连海洋大学（旧址）","kind":"other"}"# + "\n")
        let result = try importText("""
        编号,成果名称,单位,地区
        A-1,,大连渔港研究所,长海县
        A-2,深海养殖网箱,大连海洋大学,长海县
        """, kind: .achievement, corpus: path, createMissing: true, skipBad: true)
        #expect(result.skippedRows.map(\.description) == ["sheet.csv:row 2"])
        #expect(result.stubs.map(\.id) == ["I-大连海洋大学-2"])
    }

    @Test func stubsAreAddedToTheCorpusWhichThenLoads() throws {
        let result = try importText("编号,成果名称,成果简介,单位,地区\nA-1,深海养殖网箱,抗风浪锚泊,大连海洋大学,长海县\n",
                                    kind: .achievement, corpus: path, createMissing: true)
        let written = try StubRecord.append(result.stubs, toCorpus: path)
        #expect(written == [path + "/institutions.jsonl"])
        directory.write("corpus/achievements.jsonl", result.jsonLines)
        let loaded = try CorpusLoader.loadValidated(path)
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        #expect(loaded.corpus.institutions.map(\.id) == ["I-DLMU", "I-DUT", "I-DLPU", "I-DICP", "I-大连海洋大学"])
        #expect(loaded.corpus.achievement("A-1")?.owner == "I-大连海洋大学")
    }

    @Test func creatingMissingRecordsNeedsACorpus() throws {
        #expect {
            try CSVImporter.convert(text: "编号,成果名称\nA-1,x\n", fileName: "sheet.csv", delimiter: ",",
                                    options: CSVImportOptions(kind: .achievement, createMissing: true))
        } throws: { error in
            (error as? DuijieError)?.message == "creating missing records needs the corpus directory they go into (--corpus DIR)"
        }
        #expect(throws: DuijieError.self) {
            try CSVImporter.convert(text: "编号,成果名称\nA-1,x\n", fileName: "sheet.csv", delimiter: ",",
                                    options: CSVImportOptions(kind: .achievement, corpusDirectory: "/nonexistent/corpus"))
        }
    }
}
