import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Foundation
import Testing

/// The Dalian broker's GBK sheets (`BrokerSpreadsheets`), imported as a broker would.
@Suite struct BrokerSpreadsheetTests {
    @Test func theFixtureIsGBKWithExcelLineEnds() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let bytes = [UInt8](try #require(FileManager.default.contents(atPath: paths.achievements)))
        // GBK bytes from Python: "单位".encode("gbk") == b"\xb5\xa5\xce\xbb", "预算".encode("gbk") == b"\xd4\xa4\xcb\xe3".
        #expect(bytes.firstRange(of: [0xB5, 0xA5, 0xCE, 0xBB]) != nil)
        #expect(bytes.firstRange(of: [0xD4, 0xA4, 0xCB, 0xE3]) != nil)
        #expect(bytes.firstRange(of: [0x0D, 0x0A]) != nil)
        #expect(throws: DuijieError.self) { try TextEncoding.utf8.decode(bytes, fileName: "x") }
    }

    @Test func theAchievementsSheetImportsWithEveryQuirkRead() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let result = try CSVImporter.importFile(paths.achievements, options: CSVImportOptions(
            kind: .achievement, ignoreUnknownColumns: true, idPrefix: "A-", corpusDirectory: paths.corpus, createMissing: true))
        #expect(result.encoding == .gb18030)
        // Amounts by hand: 约100 → 100; (100 + 200) / 2 = 150; 约60万 → 60.
        // Not UTF-8 from its first byte (序 is C8 F2 in GBK), so read as GB18030, saying so.
        #expect(result.issues.map(\.description) == [
            "海洋成果清单.csv:1: warning: not UTF-8 (byte 1 of this line), so read as GB18030, the encoding of Excel on Chinese Windows: the line reads \"序号,成果名称,成果简介,关键词,技术领域,技术成熟度,转化…\"; pass --encoding gb18030 to confirm, or name the file's encoding with --encoding",
            "海洋成果清单.csv:row 1: 预算（万元）: warning: column L not imported: achievements have no such field (it is the budget of demands)",
            "海洋成果清单.csv:row 1: 联系人: warning: column M not imported: no kind of record has a field of this name",
            #"海洋成果清单.csv:row 3: 价格（万元）: warning: "约100" is approximate; imported as 100"#,
            #"海洋成果清单.csv:row 4: 价格（万元）: warning: "100-200万" is a range; imported as its midpoint, 150"#,
            #"海洋成果清单.csv:row 9: 价格（万元）: warning: "约60万" is approximate; imported as 60"#,
        ])
        let lines = result.jsonLines.split(separator: "\n").map(String.init)
        #expect(lines.count == 12)
        // Dates from Python: date(1899, 12, 30) + timedelta(45056) == 2023-05-10, + timedelta(44927) == 2023-01-01.
        #expect(lines[0] == #"{"id":"A-1","title":"船用低速柴油机尾气SCR脱硝催化剂","abstract":"钒钨钛体系蜂窝催化剂，250℃起活，适配船用低速柴油机","keywords":["脱硝","催化剂","船舶尾气"],"fields":["海洋装备"],"maturity":"industrialization","transferModes":["licence"],"licenceTypes":["exclusive"],"price":50,"owner":"大连海事大学","region":"甘井子区","date":"2023-05-10"}"#)
        #expect(lines[1] == #"{"id":"A-2","title":"深海养殖网箱抗风浪锚泊系统","abstract":"多点锚泊与浮力自调节，适用于外海养殖","keywords":["深海网箱","锚泊","抗风浪"],"fields":["海洋装备","水产养殖"],"maturity":"maturation","transferModes":["assignment","licence"],"price":100,"owner":"大连海洋大学","region":"长海县","date":"2022-07"}"#)
        #expect(lines[3] == #"{"id":"A-4","title":"扇贝裙边高值化利用技术","abstract":"扇贝加工副产物制备调味基料与胶原蛋白","keywords":["扇贝","副产物","胶原蛋白"],"fields":["水产品加工"],"maturity":"industrialization","transferModes":["licence"],"licenceTypes":["exclusive","non-exclusive"],"owner":"大连海洋大学","region":"长海县","date":"2023-01-01"}"#)
        #expect(lines[9] == #"{"id":"A-10","title":"船用舾装件轻量化铝合金","abstract":"5083铝合金板材搅拌摩擦焊工艺","keywords":["铝合金","搅拌摩擦焊","GB/T 3880"],"fields":["海洋材料"],"maturity":"industrialization","transferModes":["licence"],"licenceTypes":["sole"],"price":45,"owner":"大连北港船舶配套设备有限公司","region":"甘井子区","date":"2021"}"#)
        #expect(lines[10] == #"{"id":"A-11","title":"海藻酸盐可降解海洋浮标材料","abstract":"海藻酸钙复合材料，海水中18个月降解","keywords":["海藻酸盐","可降解"],"fields":["海洋材料"],"maturity":"pilot","transferModes":["assignment"],"price":25,"owner":"大连长兴岛海工新材料有限公司","region":"金普新区","date":"2023-09-15"}"#)
        #expect(result.stubs.map(\.id) == ["I-大连海洋大学", "C-大连长兴岛海工新材料有限公司"])
    }

    @Test func theThreeSheetsMakeACorpusThatLoads() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let sheets: [(String, RecordKind, String)] = [
            (paths.experts, .expert, "E-"), (paths.achievements, .achievement, "A-"), (paths.demands, .demand, "D-"),
        ]
        for (path, kind, prefix) in sheets {
            let result = try CSVImporter.importFile(path, options: CSVImportOptions(
                kind: kind, ignoreUnknownColumns: true, skipBadRecords: true, idPrefix: prefix,
                corpusDirectory: paths.corpus, createMissing: true))
            try StubRecord.append(result.stubs, toCorpus: paths.corpus)
            try AtomicFile.write(result.jsonLines, to: paths.corpus + "/" + kind.fileName)
        }
        let loaded = try CorpusLoader.loadValidated(paths.corpus)
        #expect(loaded.issues.isEmpty, "\(loaded.issues)")
        let corpus = loaded.corpus
        // Demand rows 5 (若干, 尽快) lost two cells, row 6 (no enterprise) was left out.
        #expect(corpus.experts.count == 5 && corpus.achievements.count == 12 && corpus.demands.count == 6)
        #expect(corpus.demands.map(\.id) == ["D-1", "D-2", "D-3", "D-4", "D-6", "D-7"])
        #expect(corpus.demand("D-4")?.budget == nil && corpus.demand("D-4")?.deadline == nil)
        // The expert sheet made the university's stub; the achievements found it by name.
        #expect(corpus.expert("E-3")?.institution == "I-大连海洋大学")
        #expect(corpus.achievement("A-2")?.owner == "I-大连海洋大学")
        #expect(corpus.institutions.count == 5 && corpus.enterprises.count == 5)
        #expect(corpus.demand("D-3")?.enterprise == "C-大连庄河海洋牧场有限公司")
        #expect(corpus.demand("D-3")?.region == "R-DL-ZH")
        // 45291 and 45658 from Python: 2023-12-31 and 2025-01-01.
        #expect(corpus.demand("D-1")?.deadline?.description == "2023-12-31")
        #expect(corpus.demand("D-7")?.deadline?.description == "2025-01-01")
        #expect(corpus.demand("D-1")?.licenceTypes == [.exclusive])
        #expect(corpus.achievement("A-4")?.licenceTypes == [.exclusive, .nonExclusive])
    }

    @Test func withoutIdPrefixesTheSheetsCollide() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        for (path, kind) in [(paths.experts, RecordKind.expert), (paths.achievements, .achievement)] {
            let result = try CSVImporter.importFile(path, options: CSVImportOptions(
                kind: kind, ignoreUnknownColumns: true, corpusDirectory: paths.corpus, createMissing: true))
            try StubRecord.append(result.stubs, toCorpus: paths.corpus)
            try AtomicFile.write(result.jsonLines, to: paths.corpus + "/" + kind.fileName)
        }
        let loaded = try CorpusLoader.load(paths.corpus)
        // Both sheets number their rows 1, 2, 3 …: the first five achievements repeat expert ids.
        #expect(loaded.errors.map(\.description).prefix(2) == [
            #"achievements.jsonl:1: id: duplicate id "1", first defined at experts.jsonl:1"#,
            #"achievements.jsonl:2: id: duplicate id "2", first defined at experts.jsonl:2"#,
        ])
        #expect(loaded.errors.filter { $0.code == .duplicateID }.count == 5)
    }
}
