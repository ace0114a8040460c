@testable import DuijieBench
@testable import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
@testable import DuijieVectors
import Foundation
import Testing

@Suite struct QualityCommandTests {
    @Test func theDemoSuitePrintsAMetricTableForEveryRanker() throws {
        let outcome = try CommandRunner.run(["quality", "--suite", "demo", "--dimensions", "16", "--lexical-weights", "0.5"], program: "DuijieBench")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "suite demo: 208 documents, 62 test queries of 124, tokenizer bigram")
        #expect(lines.map { $0.split(separator: " ").first ?? "" } == ["suite", "ranker", "TF-IDF", "BM25", "LSA", "TF-IDF", "graph", "TF-IDF"])
        let unknown = try CommandRunner.run(["quality", "--suite", "nope"], program: "DuijieBench")
        #expect(unknown.status == 1 && unknown.standardError.contains("unknown suite \"nope\""))
    }
}

@Suite struct TuneCommandTests {
    @Test func tuneWritesWeightsThatMatchReads() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/weights.json"
        let tune = try CommandRunner.run(["tune", "--suite", "demo", "--dimensions", "32", "-o", path], program: "DuijieBench")
        #expect(tune.status == 0, "\(tune.standardError)")
        #expect(tune.standardOutput.contains("62 tuning and 62 test queries"))
        #expect(directory.read("weights.json")?.contains(#""lsaDimensions":32"#) == true)
        let match = try CommandRunner.run(["match", "D-1012", "--corpus", "Corpus/demo", "--top", "3", "--weights", path])
        #expect(match.status == 0, "\(match.standardError)")
        #expect(match.standardOutput.split(separator: "\n").count == 5)
    }

    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func qualityReportsTheTestPartAgainstBM25AndSavesRuns() throws {
        let directory = TemporaryDirectory()
        let outcome = try CommandRunner.run(["quality", "--suite", "csl-keyword", "--queries", "30", "--dimensions", "16",
                                             "--lexical-weights", "0.5", "--runs-dir", directory.path], program: "DuijieBench")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("suite csl-keyword: 2772 documents, 15 test queries of 30"))
        let runs = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(runs == ["csl-keyword-bm25.run", "csl-keyword-graph.run", "csl-keyword-lsa-k-16.run", "csl-keyword-tf-idf---lsa---graph.run",
                         "csl-keyword-tf-idf---lsa-k-16--w-0-5.run", "csl-keyword-tf-idf.run"])
    }
}
