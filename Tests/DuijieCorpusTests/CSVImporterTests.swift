import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Testing

@Suite struct CSVImporterTests {
    private func importText(_ text: String, kind: RecordKind = .achievement, ignoreUnknown: Bool = false, skipBad: Bool = false) throws -> CSVImportResult {
        try CSVImporter.convert(text: text, fileName: "sheet.csv", delimiter: ",",
                                options: CSVImportOptions(kind: kind, ignoreUnknownColumns: ignoreUnknown, skipBadRecords: skipBad))
    }

    @Test func chineseHeadersMapToFieldsAndCellsToTypedValues() throws {
        let result = try importText("""
        成果编号,成果名称,成果简介,关键词,技术领域,技术成熟度,转化方式,价格（万元）,成果持有单位,发明人,军民两用,完成时间
        A-9,"船用低速柴油机尾气脱硝催化剂","钒钨钛体系,低温活性好",脱硝；催化剂、船舶,催化,中试,"转让，许可",面议,大连海事大学,E-1|E-2,否,2022/7
        A-10,高强韧铝合金,,,,7,入股,35.5,,,是,2021
        """)
        #expect(result.issues.isEmpty, "\(result.issues)")
        #expect(result.jsonLines == """
        {"id":"A-9","title":"船用低速柴油机尾气脱硝催化剂","abstract":"钒钨钛体系,低温活性好","keywords":["脱硝","催化剂","船舶"],"fields":["催化"],"maturity":"pilot","transferModes":["assignment","licence"],"owner":"大连海事大学","inventors":["E-1","E-2"],"date":"2022-07"}
        {"id":"A-10","title":"高强韧铝合金","maturity":7,"transferModes":["equity"],"price":35.5,"dualUse":true,"date":"2021"}

        """)
    }

    @Test func headerMeaningDependsOnTheRecordKind() throws {
        let experts = try importText("专家编号,姓名,职称,工作单位,简介\nE-7,李娜,研究员,I-DICP,燃料电池催化剂\n", kind: .expert)
        #expect(experts.jsonLines == #"{"id":"E-7","name":"李娜","institution":"I-DICP","title":"研究员","bio":"燃料电池催化剂"}"# + "\n")
        let enterprises = try importText("企业编号,名称,地区,企业标签,简介\nC-7,大连某公司,金普,专精特新、高新技术企业,生产阀门\n", kind: .enterprise)
        #expect(enterprises.jsonLines == #"{"id":"C-7","name":"大连某公司","region":"金普","tags":["specialized","high-tech"],"description":"生产阀门"}"# + "\n")
    }

    @Test func badCellsAreReportedByRowAndField() throws {
        let result = try importText("""
        id,title,maturity,price,dualUse
        A-1,好,中试,10,否
        A-2,,pilot-plant,ten,maybe
        """)
        #expect(result.issues.map(\.description) == [
            "sheet.csv:row 3: title: missing (required)",
            #"sheet.csv:row 3: maturity: unknown maturity "pilot-plant" (expected lab, pilot, maturation, industrialization, or a TRL 1–9)"#,
            #"sheet.csv:row 3: price: "ten" is not a sum of money (write 50, 50万, 500000元 or 面议)"#,
            #"sheet.csv:row 3: dualUse: "maybe" is not yes or no (是/否)"#,
        ])
        #expect(result.records.count == 1)
    }

    @Test func unknownAndRepeatedColumnsAreErrorsUnlessIgnored() throws {
        let strict = try importText("id,title,颜色,标题\nA-1,x,红,y\n")
        #expect(strict.issues.map(\.description) == [
            "sheet.csv:row 1: 颜色: column C: no kind of record has a field of this name (see docs/corpus-format.md); rename it, or pass --ignore-unknown-columns to import the sheet without it",
            #"sheet.csv:row 1: 标题: column D gives title, as column B ("title") already does"#,
        ])
        #expect(strict.records.isEmpty)
        // The flag turns the unknown column's error into a warning; the column is still named.
        let lenient = try importText("id,title,颜色\nA-1,x,红\n", ignoreUnknown: true)
        #expect(lenient.issues.map(\.description) == ["sheet.csv:row 1: 颜色: warning: column C not imported: no kind of record has a field of this name"])
        #expect(lenient.records.count == 1)
        #expect(lenient.columns.map(\.field) == ["id", "title", nil])
    }

    @Test func extraCellsAreAnErrorShortRowsAreNot() throws {
        let result = try importText("id,title,price\nA-1,x\nA-2,y,3,surplus\n")
        #expect(result.issues.map(\.description) == ["sheet.csv:row 3: has 4 cells, the header has 3 columns"])
        #expect(result.records.count == 1)
    }

    @Test func gbkAndGB18030FilesDecode() throws {
        // Byte sequences from Python's codecs: "成果名称".encode("gbk") and "大连".encode("gbk");
        // U+20000 "𠀀" is the four-byte GB18030 sequence 95 32 82 36.
        let directory = TemporaryDirectory()
        let header: [UInt8] = Array("id,".utf8) + [0xB3, 0xC9, 0xB9, 0xFB, 0xC3, 0xFB, 0xB3, 0xC6] + [0x0A]
        let row: [UInt8] = Array("A-1,".utf8) + [0xB4, 0xF3, 0xC1, 0xAC] + [0x95, 0x32, 0x82, 0x36] + [0x0D, 0x0A]
        let path = directory.write("gbk.csv", bytes: header + row)
        let result = try CSVImporter.importFile(path, options: CSVImportOptions(kind: .achievement))
        #expect(result.encoding == .gb18030)
        #expect(result.jsonLines == #"{"id":"A-1","title":"大连𠀀"}"# + "\n")
        // Declared GBK cannot hold the four-byte sequence: the error names line and byte, and
        // the encoding that reads the whole file.
        #expect {
            try CSVImporter.importFile(path, options: CSVImportOptions(kind: .achievement, encoding: .gbk))
        } throws: { error in
            let error = error as? DuijieError
            return error?.location == DuijieError.Location(file: "gbk.csv", line: 2, column: 9)
                && error?.message == #"byte 9 of the line is not valid GBK; the bytes look like GB18030: the whole file reads as it (this line: "A-1,大连𠀀"); pass --encoding gb18030"#
        }
    }

    @Test func utf8WithBOMAndTSV() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("sheet.tsv", bytes: [0xEF, 0xBB, 0xBF] + Array("需求编号\t需求企业\t需求名称\t预算\nD-1\tC-1\t耐磨涂层\t50\n".utf8))
        let result = try CSVImporter.importFile(path, options: CSVImportOptions(kind: .demand))
        #expect(result.encoding == .utf8)
        #expect(result.jsonLines == #"{"id":"D-1","enterprise":"C-1","title":"耐磨涂层","budget":50}"# + "\n")
    }

    @Test func invalidUTF8DeclaredAsUTF8IsAnError() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("bad.csv", bytes: Array("id,title\nA-1,".utf8) + [0xFF, 0x41])
        #expect {
            try CSVImporter.importFile(path, options: CSVImportOptions(kind: .achievement, encoding: .utf8))
        } throws: { error in
            let error = error as? DuijieError
            return error?.location == DuijieError.Location(file: "bad.csv", line: 2, column: 5)
                && error?.message == #"byte 5 of the line is not valid UTF-8; the line is not GB18030 either; name the file's encoding with --encoding, or save the sheet as "CSV UTF-8""#
        }
    }
}
