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
        let directory = ScratchDirectory()
        let file = directory.write("stop.txt", "梯次利用\nBASE\n")
        let outcome = try CommandRunner.run(["tokenize", "--tokenizer", "dictionary", "--stopwords", file, "退役锂电池梯次利用 base station"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasSuffix("terms (3): 退役 | 锂电池 | station\n"))
        let missing = try CommandRunner.run(["tokenize", "--stopwords", "/nonexistent", "x"])
        #expect(missing.status == 1 && missing.standardError.contains("/nonexistent: cannot read the stopword file"))
    }
}

@Suite struct QualityCommandTests {
    @Test func theDemoSuitePrintsAMetricTableForEveryRanker() throws {
        let outcome = try CommandRunner.run(["bench", "quality", "--suite", "demo", "--dimensions", "16", "--lexical-weights", "0.5"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "suite demo: 208 documents, 124 queries, tokenizer bigram")
        #expect(lines.map { $0.split(separator: " ").first ?? "" } == ["suite", "ranker", "TF-IDF", "BM25", "LSA", "TF-IDF"])
        let unknown = try CommandRunner.run(["bench", "quality", "--suite", "nope"])
        #expect(unknown.status == 1 && unknown.standardError.contains("unknown suite \"nope\""))
    }
}
