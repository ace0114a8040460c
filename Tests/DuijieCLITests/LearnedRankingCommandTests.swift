import DuijieTestSupport
import Foundation
import Testing

/// `duijie run` and `duijie match` with `--ranking learned`: the weighting fitted across every
/// quality suite, compiled in.
@Suite struct LearnedRankingCommandTests {
    @Test func learnedRankingIsTheGeneralWeightsFile() throws {
        let directory = TemporaryDirectory()
        let queries = directory.write("queries.jsonl", [#"{"id":"q1","text":"废旧动力电池回收与梯次利用"}"#,
                                                        #"{"id":"q2","text":"海参养殖池塘溶解氧预测"}"#].joined(separator: "\n") + "\n")
        let base = ["run", "--corpus", "Corpus/demo", "--queries", queries, "--top", "10"]
        let learned = try CommandRunner.run(base + ["--ranking", "learned"])
        #expect(learned.status == 0 && learned.standardError.isEmpty, "\(learned.standardError)")
        let file = try CommandRunner.run(base + ["--weights", RepositoryFiles.path("Corpus/weights/general.json")])
        #expect(file.status == 0, "\(file.standardError)")
        #expect(learned.standardOutput == file.standardOutput)
        #expect(learned.standardOutput.split(separator: "\n").count == 20)
        // Different from TF-IDF alone (the default): the learned ranking is not a relabelled TF-IDF run.
        let lexical = try CommandRunner.run(base)
        #expect(lexical.standardOutput != learned.standardOutput)
    }

    @Test func optionsTheLearnedRankingSetsAreWarnedAboutAndAnIndexIsRefused() throws {
        let outcome = try CommandRunner.run(["match", "--text", "锂电池回收", "--corpus", "Corpus/demo", "--ranking", "learned",
                                             "--weighting", "bm25", "--top", "3"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("--weighting has no effect with --ranking learned"), "\(outcome.standardError)")
        #expect(outcome.standardOutput.split(separator: "\n").count == 5)  // query line, header, 3 results
        let indexed = try CommandRunner.run(["match", "--text", "锂电池回收", "--index", "nowhere.index", "--ranking", "learned"])
        #expect(indexed.status != 0 && indexed.standardError.contains("--ranking learned needs --corpus"))
    }
}
