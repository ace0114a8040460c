import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

/// `duijie tune` on a user's own documents, queries and judgments.
@Suite struct UserTuneCommandTests {
    /// The demo's judged demands as a query file, each as the demo suite asks it (title 。
    /// description), read from the demands file with Foundation's JSON reader.
    private func demoQueries(in directory: TemporaryDirectory) throws -> String {
        let demandsText = try String(contentsOfFile: RepositoryFiles.path("Corpus/demo/demands.jsonl"), encoding: .utf8)
        var demands: [String: [String: Any]] = [:]
        for line in demandsText.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            demands[try #require(object["id"] as? String)] = object
        }
        let qrels = try String(contentsOfFile: RepositoryFiles.path("Corpus/demo/qrels/demand-achievement.qrels"), encoding: .utf8)
        let ids = Set(qrels.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
        let lines = try ids.sorted().map { id -> String in
            let demand = try #require(demands[id])
            let text = [demand["title"] as? String ?? "", demand["description"] as? String ?? ""].joined(separator: "。")
            let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            return String(decoding: data, as: UTF8.self)
        }
        return directory.write("queries.jsonl", lines.joined(separator: "\n") + "\n")
    }

    @Test func tuningTheDemosJudgmentsAsFilesFitsWhatTheDemoSuiteFitted() throws {
        // Corpus/weights/demo.json was written by `DuijieBench tune --suite demo` from the same
        // judgments: the same split, folds and grid must give the same weights and scores.
        let directory = TemporaryDirectory()
        let queries = try demoQueries(in: directory)
        let output = directory.path + "/weights.json"
        let outcome = try CommandRunner.run(["tune", "--corpus", "Corpus/demo", "--queries", queries,
                                             "--qrels", "Corpus/demo/qrels/demand-achievement.qrels", "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("124 queries, 117 judged: 58 tuning, 59 test (split by seed 7)"), "\(outcome.standardOutput)")
        let fitted = try DocumentWeights.load(output)
        let shipped = try DocumentWeights.load(RepositoryFiles.path("Corpus/weights/demo.json"))
        #expect(fitted.weights == shipped.weights)
        #expect(fitted.lsaDimensions == shipped.lsaDimensions)
        #expect(abs(fitted.crossValidatedNDCG - shipped.crossValidatedNDCG) < 1e-9 && abs(fitted.testNDCG - shipped.testNDCG) < 1e-9)
        // The file is what run reads.
        let run = try CommandRunner.run(["run", "--corpus", "Corpus/demo", "--queries", queries, "--weights", output, "--top", "3"])
        #expect(run.status == 0 && run.standardOutput.split(separator: "\n").count == 124 * 3, "\(run.standardError)")
    }

    @Test func tooFewJudgedQueriesAndJudgmentsThatDoNotFitAreReported() throws {
        let directory = TemporaryDirectory()
        let docs = directory.write("docs.jsonl", """
        {"id":"d1","title":"锂电池回收","text":"退役动力电池的回收与再生"}
        {"id":"d2","title":"海参养殖","text":"池塘底层溶解氧预测"}
        """)
        let queries = directory.write("queries.jsonl", #"{"id":"q1","text":"电池回收"}"# + "\n" + #"{"id":"q2","text":"溶解氧"}"# + "\n")
        let qrels = directory.write("j.qrels", "q1 0 d1 1\nq2 0 D2 1\nq9 0 d1 1\n")
        let outcome = try CommandRunner.run(["tune", "--corpus", docs, "--queries", queries, "--qrels", qrels, "-o", directory.path + "/w.json"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("1 judged queries are not in the query file (first: q9)"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("1 judged documents are not in the corpus (first: D2)"))
        #expect(outcome.standardError.contains("2 of the 2 queries have a relevant document; tune needs at least 10"))
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/w.json"))
        let overwrite = try CommandRunner.run(["tune", "--corpus", docs, "--queries", queries, "--qrels", qrels, "-o", qrels])
        #expect(overwrite.status != 0)
    }
}
