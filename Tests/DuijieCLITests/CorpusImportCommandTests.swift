import DuijieTestSupport
import Testing

/// `duijie corpus import-csv` on the Dalian broker's GBK sheets (`BrokerSpreadsheets`).
@Suite struct CorpusImportCommandTests {
    @Test func everyColumnNotImportedIsWarnedOnStandardError() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let output = paths.corpus + "/achievements.jsonl"
        let outcome = try CommandRunner.run([
            "corpus", "import-csv", paths.achievements, "--kind", "achievement", "--ignore-unknown-columns",
            "--id-prefix", "A-", "--corpus", paths.corpus, "--create-missing", "-o", output,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Amounts by hand: 约100 → 100, (100 + 200) / 2 = 150, 约60万 → 60 (万元).
        #expect(outcome.standardError == """
        海洋成果清单.csv:1: warning: not UTF-8 (byte 1 of this line), so read as GB18030, the encoding of Excel on Chinese Windows: the line reads "序号,成果名称,成果简介,关键词,技术领域,技术成熟度,转化…"; pass --encoding gb18030 to confirm, or name the file's encoding with --encoding
        海洋成果清单.csv:row 1: 预算（万元）: warning: column L not imported: achievements have no such field (it is the budget of demands)
        海洋成果清单.csv:row 1: 联系人: warning: column M not imported: no kind of record has a field of this name
        海洋成果清单.csv:row 3: 价格（万元）: warning: "约100" is approximate; imported as 100
        海洋成果清单.csv:row 4: 价格（万元）: warning: "100-200万" is a range; imported as its midpoint, 150
        海洋成果清单.csv:row 9: 价格（万元）: warning: "约60万" is approximate; imported as 60
        海洋成果清单.csv:row 3: 单位: added institution I-大连海洋大学 "大连海洋大学" to \(paths.corpus)/institutions.jsonl
        海洋成果清单.csv:row 12: 单位: added enterprise C-大连长兴岛海工新材料有限公司 "大连长兴岛海工新材料有限公司" to \(paths.corpus)/enterprises.jsonl
        wrote 12 achievements to \(output) (read as gb18030, 2 column(s) not imported, added 2 stub record(s) to \(paths.corpus), 6 warning(s))

        """)
        #expect(directory.read("corpus/achievements.jsonl")?.split(separator: "\n").count == 12)
        #expect(directory.read("corpus/institutions.jsonl")?.hasSuffix(#"{"id":"I-大连海洋大学","name":"大连海洋大学","kind":"university"}"# + "\n") == true)

        let check = try CommandRunner.run(["corpus", "check", paths.corpus])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.hasSuffix("0 error(s), 0 warning(s)\n"))
    }

    @Test func anUnknownColumnStopsTheImportUnlessIgnored() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let output = directory.path + "/achievements.jsonl"
        directory.write("achievements.jsonl", "precious\n")
        let outcome = try CommandRunner.run(["corpus", "import-csv", paths.achievements, "--kind", "achievement", "--id-prefix", "A-", "-o", output])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == """
        海洋成果清单.csv:1: warning: not UTF-8 (byte 1 of this line), so read as GB18030, the encoding of Excel on Chinese Windows: the line reads "序号,成果名称,成果简介,关键词,技术领域,技术成熟度,转化…"; pass --encoding gb18030 to confirm, or name the file's encoding with --encoding
        海洋成果清单.csv:row 1: 预算（万元）: warning: column L not imported: achievements have no such field (it is the budget of demands)
        海洋成果清单.csv:row 1: 联系人: column M: no kind of record has a field of this name (see docs/corpus-format.md); rename it, or pass --ignore-unknown-columns to import the sheet without it
        \(paths.achievements): 1 error(s); nothing written

        """)
        #expect(directory.read("achievements.jsonl") == "precious\n")
    }

    @Test func aMissingOrganisationIsAnErrorThatSaysHowToFixIt() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let outcome = try CommandRunner.run(["corpus", "import-csv", paths.experts, "--kind", "expert", "--id-prefix", "E-", "--corpus", paths.corpus])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix(
            #"专家信息.csv:1: warning: not UTF-8 (byte 1 of this line), so read as GB18030, the encoding of Excel on Chinese Windows: the line reads "序号,姓名,职称,单位,研究方向,技术领域"; pass --encoding gb18030 to confirm, or name the file's encoding with --encoding"# + "\n"
            + #"专家信息.csv:row 4: 单位: "大连海洋大学" names no institution in \#(paths.corpus): import the institutions sheet into it first, "#
            + "add the record to \(paths.corpus)/institutions.jsonl, or pass --create-missing to add a stub\n"))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func skipBadKeepsRowsWhoseOptionalCellsAreBad() throws {
        let directory = TemporaryDirectory()
        let paths = BrokerSpreadsheets.write(to: directory)
        let outcome = try CommandRunner.run([
            "corpus", "import-csv", paths.demands, "--kind", "demand", "--id-prefix", "D-", "--skip-bad",
            "--corpus", paths.corpus, "--create-missing",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardError.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasSuffix("left out") } == [
            #"企业技术需求.csv:row 5: 预算（万元）: warning: "若干" is not a sum of money (write 50, 50万, 500000元 or 面议); cell left out"#,
            #"企业技术需求.csv:row 5: 截止日期: warning: "尽快" is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD or an Excel day number); cell left out"#,
            "企业技术需求.csv:row 6: 需求单位: warning: missing (required); row left out",
        ])
        #expect(lines.last == "wrote 6 demands to standard output (read as gb18030, skipped 1 row(s), left out 2 cell(s), added 1 stub record(s) to \(paths.corpus), 6 warning(s))")
        #expect(outcome.standardOutput.split(separator: "\n").count == 6)
    }

    @Test func createMissingNeedsACorpus() throws {
        let outcome = try CommandRunner.run(["corpus", "import-csv", "x.csv", "--kind", "achievement", "--create-missing"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--create-missing needs --corpus DIR"))
    }
}
