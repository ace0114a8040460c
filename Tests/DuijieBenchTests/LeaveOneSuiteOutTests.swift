@testable import DuijieBench
@testable import DuijieEvaluation
import DuijieTestSupport
import Testing

@Suite struct LeaveOneSuiteOutTests {
    /// A suite of `queries` queries, each with one relevant candidate ("good", last in pool
    /// order, so ties rank it last) among three; the signal `informative` scores it highest,
    /// every other signal scores it lowest.
    private func table(_ name: String, informative: SuiteFeatureTable.Signal, queries: Int = 4) -> SuiteFeatureTable {
        let column = SuiteFeatureTable.Signal.allCases.firstIndex(of: informative)!
        func rows() -> [[Float]] {
            [Float]([0.9, 0.5, 0.2]).map { base in
                var row = [Float](repeating: base, count: SuiteFeatureTable.Signal.allCases.count)
                row[column] = 1.1 - base
                return row
            }
        }
        var qrels = Qrels()
        let made = (0..<queries).map { index -> SuiteFeatureTable.Query in
            qrels.setGrade(1, query: "\(name)-\(index)", document: "good")
            return SuiteFeatureTable.Query(id: "\(name)-\(index)", candidates: ["poor", "fair", "good"], values: rows())
        }
        return SuiteFeatureTable(suite: name, tuning: made, test: made, qrels: qrels)
    }

    @Test func weightsAreFittedOnlyOnTheSuitesLeftIn() {
        // Suites A and B reward BM25, suite C rewards LSA. Held out, C gets weights fitted on A
        // and B (BM25 only), which rank its relevant candidate last: nDCG@10 = 1 / log2(4) = 0.5.
        let tables = [table("A", informative: .bm25), table("B", informative: .bm25), table("C", informative: .lsa)]
        let results = LeaveOneSuiteOut.evaluate(tables, signals: [.bm25, .lsa], objective: .meanNDCG)
        let heldOutC = results[2]
        #expect(heldOutC.suite == "C")
        #expect(heldOutC.weights[1] > heldOutC.weights[2])  // BM25 over LSA
        #expect(heldOutC.model.allSatisfy { abs($0 - 0.5) < 1e-12 })
        #expect(heldOutC.bm25.allSatisfy { abs($0 - 0.5) < 1e-12 })
        // Held out, A is fitted on B and C: both signals each win one suite, and BM25 still
        // ranks A's relevant candidate first.
        #expect(results[0].bm25.allSatisfy { $0 == 1 })
    }

    @Test func reciprocalRanksKeepEachSignalsOrder() {
        let original = table("A", informative: .graph)
        let ranks = original.reciprocalRanks()
        for signal in SuiteFeatureTable.Signal.allCases {
            let weights = LeaveOneSuiteOut.alone(signal)
            #expect(ranks.ndcgs(ranks.test, weights: weights) == original.ndcgs(original.test, weights: weights))
        }
        // "good" is graph's rank 1 → 60 / 61, "poor" its rank 3 → 60 / 63 (Cormack et al.'s k = 60).
        #expect(abs(ranks.test[0].values[2][3] - 60 / 61) < 1e-6 && abs(ranks.test[0].values[0][3] - 60 / 63) < 1e-6)
    }
}

@Suite struct TransferCommandTests {
    @Test(.enabled(if: RepositoryFiles.hasDatasets, RepositoryFiles.datasetsAbsent))
    func leaveOneSuiteOutPrintsEverySuiteAndEverySetOfSignals() throws {
        let outcome = try CommandRunner.run(["transfer", "--suites", "demo", "csl-problem", "--queries", "20", "--dimensions", "16"],
                                            program: "DuijieBench")
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let output = outcome.standardOutput
        #expect(output.contains("suite csl-problem: 10 tuning, 10 test queries"))
        #expect(output.contains("+ RM3 + words") && output.contains("weights fitted on every suite's tuning half:"))
        #expect(output.split(separator: "\n").contains { $0.hasPrefix("csl-problem (10)") })
        let one = try CommandRunner.run(["transfer", "--suites", "demo"], program: "DuijieBench")
        #expect(one.status != 0 && one.standardError.contains("at least two suites"))
    }
}
