import DuijieTestSupport
import Foundation
import Testing

/// `duijie run` with queries that have no searchable terms, and options that cannot take effect.
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

    @Test func optionsThatCannotTakeEffectAreWarnedAbout() throws {
        let directory = TemporaryDirectory()
        let docs = directory.write("docs.jsonl", Self.documents)
        let queries = directory.write("queries.jsonl", #"{"id":"q1","text":"电池回收 溶解氧"}"# + "\n")
        let base = ["run", "--corpus", docs, "--queries", queries]
        // The default 256 dimensions over 3 documents: LSA keeps all 3 and changes nothing.
        let fused = try CommandRunner.run(base + ["--ranking", "fused"])
        #expect(fused.status == 0 && fused.standardError == "warning: --dimensions 256 (the default) ≥ 3 documents: LSA keeps all 3 and fused ranking equals TF-IDF; choose fewer dimensions\n",
                "\(fused.standardError)")
        // …which is true: the same documents in the same order (LSA's rounding adds near-zero scores).
        let lexical = try CommandRunner.run(base)
        func documents(_ run: String, above threshold: Double) -> [Substring] {
            run.split(separator: "\n").map { $0.split(separator: " ") }.filter { Double($0[4])! > threshold }.map { $0[2] }
        }
        #expect(documents(fused.standardOutput, above: 1e-6) == documents(lexical.standardOutput, above: 0) && !documents(lexical.standardOutput, above: 0).isEmpty)
        let lexicalOnly = try CommandRunner.run(base + ["--dimensions", "2", "--lexical-weight", "0.3"])
        #expect(lexicalOnly.status == 0 && lexicalOnly.standardError.split(separator: "\n") == [
            "warning: --dimensions 2 has no effect with lexical ranking (no LSA is built); use --ranking semantic or fused",
            "warning: --lexical-weight 0.3 has no effect with --ranking lexical; it weighs fused ranking only",
        ])
        let reduced = try CommandRunner.run(base + ["--ranking", "fused", "--dimensions", "2", "--lexical-weight", "0.3"])
        #expect(reduced.status == 0 && reduced.standardError.isEmpty, "\(reduced.standardError)")
    }

    @Test func matchWarnsAsRunDoesAndAboutWhatAnIndexFixes() throws {
        let directory = TemporaryDirectory()
        let docs = directory.write("docs.jsonl", Self.documents)
        let semantic = try CommandRunner.run(["match", "--text", "电池回收", "--corpus", docs, "--ranking", "semantic", "--dimensions", "3"])
        #expect(semantic.status == 0 && semantic.standardError == "warning: --dimensions 3 ≥ 3 documents: LSA keeps all 3 and semantic ranking equals TF-IDF; choose fewer dimensions\n",
                "\(semantic.standardError)")
        let index = directory.path + "/docs.index"
        #expect(try CommandRunner.run(["index", docs, "-o", index, "--dimensions", "2"]).status == 0)
        let fromIndex = try CommandRunner.run(["match", "--index", index, "--text", "电池", "--weighting", "bm25", "--dimensions", "8"])
        #expect(fromIndex.status == 0 && fromIndex.standardError == "warning: --weighting, --dimensions have no effect with --index: the index's own weighting and LSA dimensions apply\n",
                "\(fromIndex.standardError)")
    }
}
