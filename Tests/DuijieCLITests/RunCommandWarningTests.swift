import DuijieTestSupport
import Foundation
import Testing

/// `duijie run` with queries that have no searchable terms.
@Suite struct RunCommandWarningTests {
    static let documents = """
    {"id":"d1","title":"锂电池回收","text":"退役动力电池的回收与再生"}
    {"id":"d2","title":"海参养殖","text":"池塘底层溶解氧预测"}
    {"id":"d3","title":"数控机床","text":"主轴热误差补偿"}
    """

    @Test func emptyAndStopwordQueriesAreWarnedAboutAndSkipped() throws {
        let directory = TemporaryDirectory()
        let docs = directory.write("docs.jsonl", Self.documents)
        let queries = directory.write("queries.jsonl", [#"{"id":"q1","text":"电池回收"}"#, #"{"id":"q2","text":""}"#,
                                                        #"{"id":"q3","text":"的"}"#, #"{"id":"q4","text":"溶解氧"}"#].joined(separator: "\n") + "\n")
        let outcome = try CommandRunner.run(["run", "--corpus", docs, "--queries", queries])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n") == [
            "warning: queries.jsonl:2: query q2 has no searchable terms (empty); it gets no results",
            "warning: queries.jsonl:3: query q3 has no searchable terms (only stopwords or punctuation); it gets no results",
        ])
        let ranked = Set(outcome.standardOutput.split(separator: "\n").map { $0.split(separator: " ")[0] })
        #expect(ranked == ["q1", "q4"])
        // A line without an id is still an error at its line, and nothing is ranked.
        let noID = directory.write("no-id.jsonl", #"{"id":"q1","text":"电池"}"# + "\n" + #"{"text":"电池"}"# + "\n")
        let refused = try CommandRunner.run(["run", "--corpus", docs, "--queries", noID])
        #expect(refused.status == 1 && refused.standardError.contains("no-id.jsonl:2: id: missing (required)") && refused.standardOutput.isEmpty)
    }
}
