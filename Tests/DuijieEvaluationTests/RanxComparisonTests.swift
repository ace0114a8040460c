import DuijieBase
@testable import DuijieEvaluation
import Foundation
import Testing

/// Metric values equal ranx's (PyPI) on the same judgments and runs, to 1e-6.
@Suite struct RanxComparisonTests {
    struct Reference: Decodable {
        struct RunValues: Decodable {
            let means: [String: Double]
            let per_query: [String: [String: Double]]
        }
        let metrics: [String]
        let runs: [String: RunValues]
    }

    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    static let qrelsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus/demo/qrels/demand-achievement.qrels").path

    @Test func everyMetricEqualsRanxPerQueryAndOnAverage() throws {
        // Values from Benchmarks/reference/ranx_reference.py (its docstring gives the commands).
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("ranx.json")))
        let qrels = try Qrels(parsing: String(contentsOfFile: Self.qrelsPath, encoding: .utf8))
        #expect(reference.runs.count == 2 && reference.metrics.count == 10)
        for (runName, expected) in reference.runs {
            let run = try TRECRun(parsing: String(contentsOf: Self.fixtures.appendingPathComponent(runName), encoding: .utf8), name: runName)
            let metrics = try reference.metrics.map { try #require(Metric(parsing: $0), "\($0)") }
            let report = Evaluator.evaluate(run, qrels: qrels, metrics: metrics)
            #expect(report.queries.count == 124)
            for (name, metric) in zip(reference.metrics, metrics) {
                #expect(abs(report.mean(metric) - expected.means[name]!) < 1e-6, "\(runName) \(name) mean")
                for (index, query) in report.queries.enumerated() {
                    let theirs = try #require(expected.per_query[name]?[query], "\(name) \(query)")
                    #expect(abs(report.values[metric]![index] - theirs) < 1e-6, "\(runName) \(name) \(query)")
                }
            }
        }
    }
}

@Suite struct SignificanceTests {
    @Test func identicalSystemsAreNotDifferent() {
        let scores = [0.2, 0.5, 0.9, 0.1]
        #expect(Significance.randomizationTest(scores, scores) == 1)
        let interval = Significance.bootstrapInterval(scores, scores)
        #expect(interval.lower == 0 && interval.upper == 0)
    }

    @Test func randomizationTestApproximatesTheExactPermutationDistribution() {
        // Differences (1, 1, 1): of the 2³ sign patterns, only all-plus and all-minus reach |sum| = 3,
        // so the exact two-sided p is 2/8 = 0.25; 20,000 trials estimate it within ±0.01 (3σ ≈ 0.009).
        let p = Significance.randomizationTest([1, 1, 1], [0, 0, 0], trials: 20_000, seed: 7)
        #expect(abs(p - 0.25) < 0.01)
        // A consistent gain over 30 queries: no sign pattern but the two extremes reaches it.
        let strong = Significance.randomizationTest(Array(repeating: 0.8, count: 30), Array(repeating: 0.5, count: 30), trials: 5_000)
        #expect(strong < 0.001)
        #expect(Significance.randomizationTest([1, 2], [1, 2], trials: 10, seed: 3) == Significance.randomizationTest([1, 2], [1, 2], trials: 10, seed: 3))
    }

    @Test func bootstrapIntervalOfASmallSample() {
        // Differences (0, 1): a resample's mean is 0, 0.5 or 1 with probabilities ¼, ½, ¼, so the
        // 2.5% and 97.5% percentiles are 0 and 1.
        let interval = Significance.bootstrapInterval([0, 1], [0, 0], resamples: 4_000, seed: 5)
        #expect(interval.lower == 0 && interval.upper == 1)
        let constant = Significance.bootstrapInterval([0.3, 0.6, 0.9], [0.2, 0.5, 0.8])
        #expect(abs(constant.lower - 0.1) < 1e-12 && abs(constant.upper - 0.1) < 1e-12)
    }
}

@Suite struct TRECRunTests {
    @Test func documentsAreOrderedByScoreWithTiesInFileOrder() throws {
        let run = try TRECRun(parsing: "q1 Q0 b 1 0.5 x\nq1 Q0 a 2 0.9 x\nq1 Q0 c 3 0.5 x\n\nq2 Q0 z 1 -1 x\n", name: "r")
        #expect(run.ranking(for: "q1") == ["a", "b", "c"])
        #expect(run.queryIDs == ["q1", "q2"])
        #expect(run.formatted(tag: "t") == "q1 Q0 a 1 0.9 t\nq1 Q0 b 2 0.5 t\nq1 Q0 c 3 0.5 t\nq2 Q0 z 1 -1.0 t\n")
    }

    @Test(arguments: [
        ("q1 Q0 a 1 0.5\n", "expected 6 columns"),
        ("q1 Q0 a 1 high x\n", "is not a finite number"),
        ("q1 Q0 a 1 0.5 x\nq1 Q0 a 2 0.4 x\n", "ranked twice"),
    ])
    func malformedRunsNameTheLine(text: String, message: String) {
        #expect {
            try TRECRun(parsing: text, name: "r.run")
        } throws: { error in
            (error as? DuijieError).map { $0.location?.file == "r.run" && $0.location?.line != nil && $0.description.hasPrefix("r.run:") && $0.description.contains(message) } ?? false
        }
    }

    @Test func judgedOnlyAndAnswerableOptions() {
        let qrels = try! Qrels(parsing: "q1 0 a 1\nq1 0 b 0\nq2 0 c 0\n")
        let run = TRECRun(name: "r", rankings: ["q1": [.init(document: "x", score: 2), .init(document: "a", score: 1)]])
        let plain = Evaluator.evaluate(run, qrels: qrels, metrics: [.reciprocalRank(k: nil)])
        #expect(plain.queries == ["q1", "q2"] && plain.values[.reciprocalRank(k: nil)] == [0.5, 0])
        let condensed = Evaluator.evaluate(run, qrels: qrels, metrics: [.reciprocalRank(k: nil)], options: EvaluationOptions(judgedOnly: true, onlyAnswerable: true))
        #expect(condensed.queries == ["q1"] && condensed.values[.reciprocalRank(k: nil)] == [1])
        #expect(Metric(parsing: "ndcg@0") == nil && Metric(parsing: "p") == nil && Metric(parsing: "nope@3") == nil)
        #expect(Metric(parsing: "NDCG@10")?.description == "ndcg@10")
    }
}
