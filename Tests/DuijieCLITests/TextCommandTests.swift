import DuijieTestSupport
import Foundation
import Testing

@Suite struct TextCommandTests {
    @Test func tokenizeShowsNormalizedTextAndTerms() throws {
        let outcome = try CommandRunner.run(["tokenize", "--tokenizer", "dictionary", "退役鋰電池梯次利用，５Ｇ基站"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "normalized: 退役锂电池梯次利用,5g基站\nterms (5): 退役 | 锂电池 | 梯次利用 | 5g | 基站\n")
    }

    @Test func matchRanksAchievementsForText() throws {
        let outcome = try CommandRunner.run(["match", "--text", "需要一种废旧锂电池回收技术", "--corpus", "Corpus/demo", "--top", "3", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix(#"{"rank":1,"id":"A-"#))
        #expect(lines[0].contains(#""matchedTerms":[{"term":"#))
    }

    @Test func matchRanksAchievementsForADemand() throws {
        let outcome = try CommandRunner.run(["match", "D-1012", "--corpus", "Corpus/demo", "--top", "5"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("query: D-1012 "))
        #expect(outcome.standardOutput.split(separator: "\n").count == 7)  // query, header, 5 rows
    }

    @Test func matchReportsUnknownDemandsAndBadArguments() throws {
        let unknown = try CommandRunner.run(["match", "D-0000", "--corpus", "Corpus/demo"])
        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("D-0000: no demand with this id"))
        let both = try CommandRunner.run(["match", "D-1012", "--text", "x", "--corpus", "Corpus/demo"])
        #expect(both.status == 64)
    }
}

@Suite struct StopwordOptionTests {
    @Test func extraStopwordFilesRemoveTheirWords() throws {
        let directory = TemporaryDirectory()
        let file = directory.write("stop.txt", "梯次利用\nBASE\n")
        let outcome = try CommandRunner.run(["tokenize", "--tokenizer", "dictionary", "--stopwords", file, "退役锂电池梯次利用 base station"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasSuffix("terms (3): 退役 | 锂电池 | station\n"))
        let missing = try CommandRunner.run(["tokenize", "--stopwords", "/nonexistent", "x"])
        #expect(missing.status == 1 && missing.standardError.contains("/nonexistent: cannot read the stopword file"))
    }
}

@Suite struct RunAndEvalCommandTests {
    @Test func aDocumentFileAndAQueryFileBecomeATRECRunThatEvalMeasures() throws {
        let directory = TemporaryDirectory()
        let docs = directory.write("docs.jsonl", """
        {"id":"d1","title":"锂电池回收","text":"退役动力电池的回收与再生"}
        {"id":"d2","title":"海参养殖","text":"池塘底层溶解氧预测"}
        {"id":"d3","title":"数控机床","text":"主轴热误差补偿"}
        """)
        let queries = directory.write("queries.jsonl", #"{"id":"q1","text":"电池回收"}"# + "\n" + #"{"id":"q2","text":"溶解氧"}"# + "\n")
        let qrels = directory.write("judgments.qrels", "q1 0 d1 2\nq2 0 d2 1\nq2 0 d3 0\n")
        let runPath = directory.path + "/tfidf.run"
        let run = try CommandRunner.run(["run", "--corpus", docs, "--queries", queries, "--top", "2", "-o", runPath])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = directory.read("tfidf.run")?.split(separator: "\n") ?? []
        #expect(lines.first?.hasPrefix("q1 Q0 d1 1 ") == true && lines.first?.hasSuffix(" duijie") == true)
        let eval = try CommandRunner.run(["eval", "--qrels", qrels, "--run", runPath, "--metrics", "mrr,success@1"])
        #expect(eval.status == 0, "\(eval.standardError)")
        #expect(eval.standardOutput.contains("mrr         1.0000") || eval.standardOutput.split(separator: "\n").contains { $0.split(separator: " ") == ["mrr", "1.0000"] })
        let compared = try CommandRunner.run(["eval", "--qrels", qrels, "--run", runPath, "--run", runPath, "--metrics", "mrr"])
        #expect(compared.status == 0 && compared.standardOutput.contains("+0.0000") && compared.standardOutput.contains("1.0000"))
    }

    @Test func badQueryFilesAndMetricsAreReported() throws {
        let directory = TemporaryDirectory()
        let queries = directory.write("queries.jsonl", #"{"id":"q1"}"# + "\n")
        let outcome = try CommandRunner.run(["run", "--corpus", "Corpus/demo", "--queries", queries])
        #expect(outcome.status == 1 && outcome.standardError.contains("queries.jsonl:1: text: missing (required)"))
        let metric = try CommandRunner.run(["eval", "--qrels", "x", "--run", "y", "--metrics", "ndcg@ten"])
        #expect(metric.status == 64 && metric.standardError.contains("unknown metric"))
    }
}


@Suite struct RecommendCommandTests {
    @Test func explainedShortlistsInChineseAndEnglish() throws {
        let chinese = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "3", "--explain"])
        #expect(chinese.status == 0, "\(chinese.standardError)")
        #expect(chinese.standardOutput.hasPrefix("D-1012 废旧动力电池梯次利用于用户侧储能\n"))
        #expect(chinese.standardOutput.contains("匹配词: ") && chinese.standardOutput.contains("关联路径: ") && chinese.standardOutput.contains("文本相似"))
        let english = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--target", "expert", "--top", "2", "--format", "json"])
        #expect(english.status == 0)
        let lines = english.standardOutput.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix(#"{"query":"D-1012","rank":1,"id":"E-"#) && lines[0].contains(#""features":{"text":"#))
    }

    @Test func dualUseFilterKeepsOnlyDualUseAchievements() throws {
        let outcome = try CommandRunner.run(["recommend", "--text", "机器人 装备 雷达", "--corpus", "Corpus/demo", "--dual-use", "yes", "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // The dual-use achievements, read from the demo file with Foundation's JSON parser.
        let text = try String(contentsOfFile: RepositoryFiles.path("Corpus/demo/achievements.jsonl"), encoding: .utf8)
        let dualUse = Set(text.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  object["dualUse"] as? Bool == true else { return nil }
            return object["id"] as? String
        })
        let results = outcome.standardOutput.split(separator: "\n").dropFirst().compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String
        }
        #expect(!results.isEmpty && dualUse.count > 5)
        #expect(results.allSatisfy(dualUse.contains), "\(results)")
    }

    @Test func csvMarkdownAndBatchTRECOutput() throws {
        let csv = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "2", "--format", "csv"])
        let rows = csv.standardOutput.split(separator: "\n")  // reasons span lines inside quoted cells
        #expect(csv.status == 0 && rows[0].hasPrefix("查询,排名,得分,编号,名称,完成单位,所在地,地区关系,成熟度,转化方式"))
        #expect(rows.filter { $0.hasPrefix("D-1012,") }.map { $0.split(separator: ",")[1] } == ["1", "2"])
        let markdown = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--top", "2", "--format", "markdown"])
        #expect(markdown.standardOutput.contains("| # | 得分 | 编号 | 名称 | 单位 | 地区 |\n|---|"))
        let directory = TemporaryDirectory()
        let queries = directory.write("q.jsonl", #"{"id":"q1","text":"锂电池回收"}"# + "\n" + #"{"id":"q2","text":"海参养殖"}"# + "\n")
        let batch = try CommandRunner.run(["recommend", "--batch", queries, "--corpus", "Corpus/demo", "--top", "3", "--format", "trec"])
        let runLines = batch.standardOutput.split(separator: "\n")
        #expect(batch.status == 0 && runLines.count == 6)
        #expect(runLines.first?.hasPrefix("q1 Q0 A-") == true && runLines.last?.hasPrefix("q2 Q0 A-") == true && runLines[0].hasSuffix(" duijie-achievement"))
    }

    @Test func matchWithTheRecommendersOptionsGivesItsShortlist() throws {
        let directory = TemporaryDirectory()
        let queries = directory.write("q.jsonl", #"{"id":"q1","text":"锂电池回收"}"# + "\n" + #"{"id":"q2","text":"海参养殖"}"# + "\n")
        for arguments in [["D-1012", "--target", "expert", "--explain"], ["D-1012", "--format", "csv", "--region", "辽宁省", "--include-paired"],
                          ["--text", "海参养殖 溶解氧", "--format", "markdown", "--min-maturity", "pilot", "--mode", "licence"],
                          ["--batch", queries, "--format", "trec", "--top", "3"], ["A-4003", "--target", "enterprise", "--language", "en"]] {
            let matched = try CommandRunner.run(["match"] + arguments + ["--corpus", "Corpus/demo"])
            let recommended = try CommandRunner.run(["recommend"] + arguments + ["--corpus", "Corpus/demo"])
            #expect(matched.status == 0 && !matched.standardOutput.isEmpty && matched.standardOutput == recommended.standardOutput, "\(arguments)")
        }
        // Without them, match stays the text matcher.
        let text = try CommandRunner.run(["match", "D-1012", "--corpus", "Corpus/demo", "--no-cache", "--top", "3"])
        #expect(text.status == 0 && text.standardOutput.hasPrefix("query: D-1012 "))
        let mixed = try CommandRunner.run(["match", "D-1012", "--corpus", "Corpus/demo", "--target", "expert", "--weighting", "bm25", "--no-cache"])
        #expect(mixed.status != 0 && mixed.standardError.contains("--weighting, --no-cache apply to text matching only"))
        let neither = try CommandRunner.run(["match", "--corpus", "Corpus/demo", "--explain"])
        #expect(neither.status != 0 && neither.standardError.contains("give exactly one of a record id, --text, --batch or --all-demands"))
    }

    @Test func unknownFilterValuesAreErrors() throws {
        let outcome = try CommandRunner.run(["recommend", "D-1012", "--corpus", "Corpus/demo", "--region", "火星"])
        #expect(outcome.status != 0 && outcome.standardError.contains("--region 火星: no such region"))
    }
}

@Suite struct IndexCommandTests {
    @Test func matchCachesItsIndexAndRefreshesItWhenTheCorpusChanges() throws {
        let directory = TemporaryDirectory()
        directory.write("achievements.jsonl", #"{"id":"A-1","title":"锂电池回收工艺"}"# + "\n" + #"{"id":"A-2","title":"海参养殖技术"}"# + "\n")
        let first = try CommandRunner.run(["match", "--text", "锂电池", "--corpus", directory.path, "--format", "json"])
        #expect(first.status == 0 && first.standardOutput.contains(#""id":"A-1""#))
        let cache = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/.duijie")
        #expect(cache.count == 1 && cache[0].hasSuffix(".index"))
        directory.write("achievements.jsonl", #"{"id":"A-1","title":"锂电池回收工艺"}"# + "\n" + #"{"id":"A-3","title":"锂电池正极材料"}"# + "\n")
        let second = try CommandRunner.run(["match", "--text", "锂电池", "--corpus", directory.path, "--format", "json"])
        #expect(second.status == 0 && second.standardOutput.contains(#""id":"A-3""#))
    }

    @Test func indexThenMatchFromTheIndexAlone() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        let built = try CommandRunner.run(["index", "Corpus/demo", "-o", path, "--dimensions", "16"])
        #expect(built.status == 0 && built.standardOutput.hasPrefix("indexed 208 achievements"))
        let fromIndex = try CommandRunner.run(["match", "--index", path, "--text", "海参 溶解氧", "--top", "3", "--format", "json"])
        let fromCorpus = try CommandRunner.run(["match", "--corpus", "Corpus/demo", "--no-cache", "--text", "海参 溶解氧", "--top", "3", "--format", "json"])
        #expect(fromIndex.status == 0 && fromIndex.standardOutput == fromCorpus.standardOutput)
        directory.write("broken.index", "DUIJIEIX")
        let broken = try CommandRunner.run(["match", "--index", directory.path + "/broken.index", "--text", "x"])
        #expect(broken.status == 1 && broken.standardError.contains("broken.index"))
    }

    @Test func recommendAndPairFromAnIndexAloneAsFromTheCorpus() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/demo.index"
        let built = try CommandRunner.run(["index", "Corpus/demo", "-o", path, "--progress"])
        #expect(built.status == 0 && built.standardOutput.hasPrefix("indexed 208 achievements"))
        // --progress: one line per part on standard error, in build order, each with time and memory.
        let parts = built.standardError.split(separator: "\n").map { $0.split(separator: "] ", maxSplits: 1).last.map(String.init) ?? "" }
        #expect(parts.map { $0.prefix { $0 != ":" } } == ["corpus loaded", "achievements indexed", "expert profiles indexed", "institution profiles indexed",
                                                          "demand profiles indexed", "enterprise profiles indexed", "graph built", "written"])
        #expect(parts.first == "corpus loaded: 208 achievements" && built.standardError.hasPrefix("[") && built.standardError.contains(" GiB] "))
        for arguments in [["D-1012", "--explain"], ["A-4003", "--target", "enterprise", "--format", "json"], ["--text", "海参养殖 溶解氧", "--target", "expert"]] {
            let fromIndex = try CommandRunner.run(["recommend"] + arguments + ["--index", path])
            let fromCorpus = try CommandRunner.run(["recommend"] + arguments + ["--corpus", "Corpus/demo"])
            #expect(fromIndex.status == 0 && !fromIndex.standardOutput.isEmpty && fromIndex.standardOutput == fromCorpus.standardOutput, "\(arguments)")
        }
        let event = "Corpus/demo/events/liaoning-2026"
        let paired = try CommandRunner.run(["pair", event, "--index", path, "-o", directory.path + "/from-index"])
        let reference = try CommandRunner.run(["pair", event, "--corpus", "Corpus/demo", "-o", directory.path + "/from-corpus"])
        #expect(paired.status == 0 && paired.standardOutput.replacingOccurrences(of: "from-index", with: "from-corpus") == reference.standardOutput)
        let schedule = { (name: String) in FileManager.default.contents(atPath: directory.path + "/\(name)/schedule.csv") }
        #expect(schedule("from-index") != nil && schedule("from-index") == schedule("from-corpus"))
        // A demand id with --index: the demand's text comes from the records in the index.
        let matched = try CommandRunner.run(["match", "D-1012", "--index", path, "--format", "json"])
        let matchedFromCorpus = try CommandRunner.run(["match", "D-1012", "--corpus", "Corpus/demo", "--no-cache", "--format", "json"])
        #expect(matched.status == 0 && !matched.standardOutput.isEmpty && matched.standardOutput == matchedFromCorpus.standardOutput)
        let both = try CommandRunner.run(["recommend", "D-1012", "--index", path, "--corpus", "Corpus/demo"])
        #expect(both.status != 0 && both.standardError.contains("either --corpus or --index"))
        let missing = try CommandRunner.run(["recommend", "D-1012", "--index", directory.path + "/none.index"])
        #expect(missing.status == 1 && missing.standardError.contains("none.index"))
    }
}
