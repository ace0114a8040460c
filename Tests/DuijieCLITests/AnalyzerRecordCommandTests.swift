import DuijieTestSupport
import Foundation
import Testing

/// Every analyzer input is part of a saved index and of the match cache's key: an index built
/// with extra stopwords or dictionaries serves exactly what the corpus does with them, and an
/// index whose resources this machine no longer has is refused, never served differently.
@Suite struct AnalyzerRecordCommandTests {
    /// Options that change the terms: the dictionary tokenizer, an extra dictionary that makes
    /// 梯次利用 one word, and an extra stopword that drops 储能.
    static func options(_ directory: TemporaryDirectory) -> [String] {
        let dictionary = directory.write("extra-dict.txt", "梯次利用 50000 n\n")
        let stopwords = directory.write("extra-stopwords.txt", "储能\n")
        return ["--tokenizer", "dictionary", "--dictionary", dictionary, "--stopwords", stopwords]
    }

    @Test func anIndexBuiltWithExtraStopwordsAndDictionariesServesAsTheCorpusDoes() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        let options = Self.options(directory)
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", index] + options).status == 0)
        for query in [["D-1012"], ["--text", "储能 梯次利用 动力电池"]] {
            let fromCorpus = try CommandRunner.run(["recommend"] + query + ["--corpus", "Corpus/demo", "--format", "csv"] + options)
            let fromIndex = try CommandRunner.run(["recommend"] + query + ["--index", index, "--format", "csv"])
            #expect(fromCorpus.status == 0 && fromIndex.status == 0, "\(fromIndex.standardError)")
            #expect(fromIndex.standardOutput == fromCorpus.standardOutput, "\(query)")
        }
        // The stopword is gone from the index's analysis: the text 储能 alone matches nothing.
        let stopword = try CommandRunner.run(["match", "--index", index, "--text", "储能", "--format", "json"])
        #expect(stopword.status == 0 && !stopword.standardOutput.contains("\"id\""), "\(stopword.standardOutput)")
    }

    @Test func anIndexIsRefusedWhenThisMachinesLexiconDiffers() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", index, "--tokenizer", "dictionary"]).status == 0)
        let otherLexicon = directory.write("other-lexicon.txt", "海参养殖 1000 n\n")
        let outcome = try CommandRunner.run(["match", "--index", index, "--text", "海参"], environment: ["DUIJIE_LEXICON": otherLexicon])
        #expect(outcome.status != 0 && outcome.standardError.contains("analyzed with another jieba dictionary, domain lexicon or extra dictionaries"),
                "\(outcome.standardError)")
    }

    @Test func theMatchCacheIsKeyedByTheStopwords() throws {
        let directory = TemporaryDirectory()
        let corpus = directory.path + "/corpus"
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        try? FileManager.default.removeItem(atPath: corpus + "/.duijie")  // a cache the working copy may hold
        let stopwords = directory.write("extra-stopwords.txt", "溶解氧\n")
        let plain = try CommandRunner.run(["match", "--corpus", corpus, "--text", "溶解氧", "--format", "json"])
        let withStopword = try CommandRunner.run(["match", "--corpus", corpus, "--text", "溶解氧", "--format", "json", "--stopwords", stopwords])
        let plainAgain = try CommandRunner.run(["match", "--corpus", corpus, "--text", "溶解氧", "--format", "json"])
        #expect(plain.standardOutput.contains("\"id\"") && !withStopword.standardOutput.contains("\"id\""), "\(withStopword.standardOutput)")
        #expect(plainAgain.standardOutput == plain.standardOutput)
        let cached = try FileManager.default.contentsOfDirectory(atPath: corpus + "/.duijie").filter { $0.hasPrefix("match-") }
        #expect(cached.count == 2, "\(cached)")
    }
}
