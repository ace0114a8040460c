import DuijieTestSupport
import Foundation
import Testing

@Suite struct ShortlistOutputTests {
    /// The asking price of each demo achievement that has one, read as plain JSON (not by
    /// Duijie's loader).
    static let prices: [String: Double] = {
        let text = (try? String(contentsOfFile: RepositoryFiles.demoCorpus + "/achievements.jsonl", encoding: .utf8)) ?? ""
        var byID: [String: Double] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let id = object["id"] as? String else { continue }
            if let price = object["price"] as? Double { byID[id] = price }
        }
        return byID
    }()

    /// The ids and scores `duijie recommend … --format json` gives, to compare files against.
    func jsonShortlist(_ arguments: [String]) throws -> [(id: String, score: Double)] {
        let outcome = try CommandRunner.run(["recommend"] + arguments + ["--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return outcome.standardOutput.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["id"] as! String, object["score"] as! Double)
        }
    }

    static let python = SystemPython.path
    static let hasOpenPyXL = SystemPython.canImport("openpyxl")

    @Test(.enabled(if: hasOpenPyXL || ProcessInfo.processInfo.environment["CI"] == "true", "needs python3-openpyxl (scripts/bootstrap installs it)"))
    func anXlsxShortlistReadsBackInOpenPyXLWithTheDetails() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/客户清单.xlsx"
        let outcome = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "4", "-o", path])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "已写入 \(path)：1 份清单\n")
        // openpyxl reads the file; the script prints sheets and cells as JSON.
        let read = try CommandRunner.run(executable: URL(fileURLWithPath: Self.python),
                                         [RepositoryFiles.path("Tests/DuijieWorkbookTests/read_workbook.py"), path])
        #expect(read.status == 0, "\(String(decoding: read.error, as: UTF8.self))")
        let workbook = try #require(try JSONSerialization.jsonObject(with: read.output) as? [String: Any])
        let sheets = try #require(workbook["sheets"] as? [[String: Any]])
        #expect(sheets.count == 1 && sheets[0]["name"] as? String == "D-1012")
        let rows = try #require(sheets[0]["rows"] as? [[[String: Any]]])
        func value(_ cell: [String: Any]) -> Any? { cell["text"] ?? cell["number"] }
        #expect(value(rows[0][0]) as? String == "D-1012 废旧动力电池梯次利用于用户侧储能")
        let header = rows[1].compactMap { $0["text"] as? String }
        #expect(Array(header.prefix(6)) == ["排名", "得分", "编号", "名称", "完成单位", "所在地"])
        #expect(Set(header).count == header.count)  // unique column names
        let expected = try jsonShortlist(["D-1012", "--corpus", "Corpus/demo", "--top", "4"])
        #expect(rows.count == 2 + expected.count)
        let priceColumn = try #require(header.firstIndex(of: "报价（万元）"))
        let reasonColumn = try #require(header.firstIndex(of: "理由"))
        for (row, result) in zip(rows.dropFirst(2), expected) {
            #expect(value(row[2]) as? String == result.id)
            #expect(row[1]["type"] as? String == "number" && abs((value(row[1]) as? Double ?? -1) - result.score) < 5e-5)
            let price = Self.prices[result.id]
            #expect(value(row[priceColumn]) as? Double == price)
            #expect((value(row[reasonColumn]) as? String ?? "").contains("需求预算 300 万元"))
        }
    }

    @Test func csvFilesCarryABOMAndHeadersInTheChosenLanguage() throws {
        let directory = TemporaryDirectory()
        let chinese = directory.path + "/zh.csv", english = directory.path + "/en.csv"
        #expect(try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "3", "-o", chinese]).status == 0)
        #expect(try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "3", "-o", english, "--language", "en"]).status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: chinese))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let zh = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let englishBytes = try Data(contentsOf: URL(fileURLWithPath: english))
        #expect(Array(englishBytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let en = String(decoding: englishBytes.dropFirst(3), as: UTF8.self)
        #expect(zh.hasPrefix("查询,排名,得分,编号,名称,完成单位,所在地,地区关系,成熟度"))
        #expect(en.hasPrefix("query,rank,score,id,name,owner,location,region relation,maturity"))
        let header = zh.split(separator: "\r\n").first!.split(separator: ",")
        #expect(Set(header).count == header.count)
        #expect(zh.split(separator: "\r\n").count >= 4)  // CRLF lines, as Excel writes them
    }

    @Test func markdownShowsTheReasonsWithExplainAndBatchesTakeRecordIds() throws {
        let markdown = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "2", "--format", "markdown", "--explain"])
        #expect(markdown.status == 0)
        #expect(markdown.standardOutput.hasPrefix("## D-1012 废旧动力电池梯次利用于用户侧储能\n\n| # | 得分 | 编号 | 名称 | 单位 | 地区 | 理由 | 匹配词 | 关联路径 |"))
        let directory = TemporaryDirectory()
        let batch = directory.write("q.jsonl", #"{"id":"D-1003"}"# + "\n" + #"{"id":"q1","text":"海参养殖 溶解氧"}"# + "\n")
        let outcome = try CommandRunner.run(["recommend", "--batch", batch, "--corpus", "Corpus/demo", "--top", "2", "--format", "trec"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let queries = outcome.standardOutput.split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(queries == ["D-1003", "D-1003", "q1", "q1"])
        let all = try CommandRunner.run(["recommend", "--all-demands", "--corpus", "Corpus/demo", "--top", "1", "--format", "trec"])
        let demands = (try String(contentsOfFile: RepositoryFiles.demoCorpus + "/demands.jsonl", encoding: .utf8)).split(separator: "\n").count
        #expect(all.standardOutput.split(separator: "\n").count == demands)
        let unknown = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "-o", directory.path + "/x.pdf"])
        #expect(unknown.status != 0 && unknown.standardError.contains("-o \(directory.path)/x.pdf: the file name must end in .xlsx, .csv, .md or .json"))
    }

    @Test func aStaleIndexSaysWhichCorpusChangedAndHowToRebuild() throws {
        let directory = TemporaryDirectory()
        let corpus = directory.path + "/corpus"
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        let index = directory.path + "/broker.index"
        #expect(try CommandRunner.run(["index", corpus, "-o", index]).status == 0)
        // A demand added after the index was built.
        let demands = corpus + "/demands.jsonl"
        let added = #"{"id":"XQ-11","enterprise":"C-1001","title":"海上风电基础防腐与腐蚀监测","fields":[]}"#
        try (try String(contentsOfFile: demands, encoding: .utf8) + added + "\n").write(toFile: demands, atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["recommend", "XQ-11", "--index", index])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("XQ-11: no demand, achievement, expert, institution or enterprise with this id in \(index)"))
        #expect(outcome.standardError.contains("has changed since \(index) took it in; update the index: duijie update \(index) --from-corpus \(corpus)"))
        // The advice works: the update takes in the new demand, and the index then serves it.
        let update = try CommandRunner.run(["update", index, "--from-corpus", corpus])
        #expect(update.status == 0 && update.standardOutput.contains("generation 1: 1 added, 0 replaced, 0 removed"), "\(update.standardError)")
        let served = try CommandRunner.run(["recommend", "XQ-11", "--index", index])
        #expect(served.status == 0 && served.standardError.isEmpty && served.standardOutput.contains("海上风电基础防腐与腐蚀监测"), "\(served.standardError)")
        // An id that exists nowhere, with the corpus unchanged: no update advice.
        #expect(try CommandRunner.run(["index", corpus, "-o", index]).status == 0)
        let missing = try CommandRunner.run(["recommend", "D-9999", "--index", index])
        #expect(missing.standardError.contains("nor in the corpus") && !missing.standardError.contains("update the index"))
    }
}
