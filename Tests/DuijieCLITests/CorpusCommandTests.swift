import DuijieTestSupport
import Testing

@Suite struct CorpusCommandTests {
    @Test func checkingTheDemoCorpusSucceedsAndPrintsCounts() throws {
        let outcome = try CommandRunner.run(["corpus", "check", "Corpus/demo"])
        #expect(outcome.status == 0, "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("achievements"))
        #expect(outcome.standardOutput.contains("references: 0 dangling"))
        #expect(outcome.standardOutput.contains("qrels/demand-achievement.qrels"))
        #expect(outcome.standardOutput.hasSuffix("0 error(s), 0 warning(s)\n"))
    }

    @Test func aBrokenCorpusListsEveryProblemAndFails() throws {
        let directory = TemporaryDirectory()
        directory.write("institutions.jsonl", #"{"id":"I-1","name":"某大学","kind":"university"}"# + "\n")
        directory.write("experts.jsonl", """
        {"id":"E-1","name":"张三","institution":"I-1"}
        {"id":"E-2","name":"李四","institution":"I-404"}
        {"id":"E-3","institution":"I-1"
        """)
        let outcome = try CommandRunner.run(["corpus", "check", directory.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains(#"experts.jsonl:2: institution: "I-404" does not name an institution in the corpus"#))
        #expect(outcome.standardOutput.contains("experts.jsonl:3: malformed JSON at column 32: unexpected end of line inside an object"))
        #expect(outcome.standardOutput.contains("references: 1 dangling"))
        #expect(outcome.standardOutput.contains("2 error(s)"))

        let skipping = try CommandRunner.run(["corpus", "check", "--skip-bad", directory.path])
        #expect(skipping.status == 0)
        #expect(skipping.standardOutput.contains("skipped 2 record(s):\n  experts.jsonl:2\n  experts.jsonl:3\n"))
        let expertRow = skipping.standardOutput.split(separator: "\n").first { $0.hasPrefix("  experts ") }
        #expect(expertRow?.split(separator: " ") == ["experts", "1"])
    }

    @Test func aMissingCorpusIsAClearError() throws {
        let outcome = try CommandRunner.run(["corpus", "check", "/nonexistent/corpus"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError == "/nonexistent/corpus: no such file or directory\n")
    }

    @Test func importingAGBKSpreadsheetWritesJSONLines() throws {
        let directory = TemporaryDirectory()
        // "需求名称" and "需求企业" in GBK, from Python: "需求名称".encode("gbk").
        let header: [UInt8] = Array("id,".utf8) + [0xD0, 0xE8, 0xC7, 0xF3, 0xC3, 0xFB, 0xB3, 0xC6] + Array(",".utf8) + [0xD0, 0xE8, 0xC7, 0xF3, 0xC6, 0xF3, 0xD2, 0xB5]
        let input = directory.write("demands.csv", bytes: header + Array("\nD-1,X,C-1\n".utf8))
        let output = directory.path + "/demands.jsonl"
        let outcome = try CommandRunner.run(["corpus", "import-csv", input, "--kind", "demands", "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(directory.read("demands.jsonl") == #"{"id":"D-1","enterprise":"C-1","title":"X"}"# + "\n")
        #expect(outcome.standardError.contains("wrote 1 demands to"))
        #expect(outcome.standardError.contains("read as gb18030"))
    }

    @Test func aFailedImportLeavesTheExistingOutputAlone() throws {
        let directory = TemporaryDirectory()
        directory.write("out.jsonl", "precious\n")
        let input = directory.write("a.csv", "id,title,price\nA-1,x,1\nA-2,y,abc\n")
        let outcome = try CommandRunner.run(["corpus", "import-csv", input, "--kind", "achievement", "-o", directory.path + "/out.jsonl"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(#"a.csv:row 3: price: "abc" is not a sum of money (write 50, 50万, 500000元 or 面议)"#))
        #expect(directory.read("out.jsonl") == "precious\n")

        // The price is optional, so --skip-bad leaves out the cell and keeps the row.
        let skipping = try CommandRunner.run(["corpus", "import-csv", input, "--kind", "achievement", "--skip-bad", "-o", directory.path + "/out.jsonl"])
        #expect(skipping.status == 0)
        #expect(directory.read("out.jsonl") == #"{"id":"A-1","title":"x","price":1}"# + "\n" + #"{"id":"A-2","title":"y"}"# + "\n")
        #expect(skipping.standardError.contains(#"a.csv:row 3: price: warning: "abc" is not a sum of money (write 50, 50万, 500000元 or 面议); cell left out"#))
        #expect(skipping.standardError.contains("(read as utf-8, left out 1 cell(s), 1 warning(s))"))
    }

    @Test func unknownKindIsAUsageError() throws {
        let outcome = try CommandRunner.run(["corpus", "import-csv", "x.csv", "--kind", "patents"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("--kind"))
    }
}
