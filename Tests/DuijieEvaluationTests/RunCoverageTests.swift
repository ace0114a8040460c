import DuijieEvaluation
import Testing

@Suite struct RunCoverageTests {
    /// Three judged queries: q1 and q2 with a relevant document, q3 with none.
    static let qrels = try! Qrels(parsing: "q1 0 d1 1\nq1 0 d2 0\nq2 0 d3 2\nq3 0 d4 0\n")

    static func run(_ text: String) -> TRECRun { try! TRECRun(parsing: text, name: "x.run") }

    @Test func aRunThatFitsHasNoProblems() {
        let coverage = RunCoverage(run: Self.run("q1 Q0 d2 1 2 t\nq1 Q0 d9 2 1 t\nq2 Q0 d3 1 1 t\nq3 Q0 d4 1 1 t\n"), qrels: Self.qrels)
        #expect(coverage.problems == [])
        #expect(coverage.distinctDocuments == 4 && coverage.documentsInQrels == 3)
        #expect(coverage.rankedMeasuredQueries == 3 && coverage.queriesWithJudgedDocument == 3)
    }

    @Test func queriesTheQrelsLackAndJudgedQueriesTheRunLacksAreCounted() {
        // The run ranks q1 (judged) and q7, q8 (not judged); q2 and q3 are judged but not ranked.
        let coverage = RunCoverage(run: Self.run("q1 Q0 d1 1 1 t\nq8 Q0 d1 1 1 t\nq7 Q0 d2 1 1 t\n"), qrels: Self.qrels)
        #expect(coverage.queriesNotJudged == ["q7", "q8"] && coverage.runQueryCount == 3)
        #expect(coverage.judgedQueriesMissing == ["q2", "q3"])
        #expect(coverage.problems == [.queriesNotJudged(count: 2, total: 3, first: ["q7", "q8"]), .judgedQueriesMissing(count: 2, first: ["q2", "q3"])])
        #expect(coverage.problems[0].message(run: "x.run") == "run x.run: 2 of 3 queries are not in the qrels (first: q7, q8); they are not measured")
        #expect(coverage.problems[1].message(run: "x.run") == "run x.run has no ranking for 2 judged queries (first: q2, q3); they score 0")
        // Leaving out the queries with no relevant document (q3), only q2 is missing.
        let answerable = RunCoverage(run: Self.run("q1 Q0 d1 1 1 t\n"), qrels: Self.qrels, options: .init(onlyAnswerable: true))
        #expect(answerable.judgedQueriesMissing == ["q2"])
    }

    @Test func longListsShowTheFirstFive() {
        let text = (1...7).map { "z\($0) Q0 d1 1 1 t\n" }.joined() + "q1 Q0 d1 1 1 t\nq2 Q0 d3 1 1 t\nq3 Q0 d4 1 1 t\n"
        let problem = RunCoverage(run: Self.run(text), qrels: Self.qrels).problems
        #expect(problem == [.queriesNotJudged(count: 7, total: 10, first: ["z1", "z2", "z3", "z4", "z5"])])
        #expect(problem.first?.message(run: "r") == "run r: 7 of 10 queries are not in the qrels (first: z1, z2, z3, z4, z5, …); they are not measured")
    }

    @Test func documentIdsTheQrelsNeverNameAreReported() {
        // Same queries, documents named D1… where the qrels say d1…: every query scores 0.
        let coverage = RunCoverage(run: Self.run("q1 Q0 D1 1 1 t\nq2 Q0 D3 1 1 t\nq3 Q0 D4 1 1 t\nq3 Q0 D5 2 0 t\n"), qrels: Self.qrels)
        #expect(coverage.distinctDocuments == 4 && coverage.documentsInQrels == 0)
        #expect(coverage.problems == [.documentsUnknown(documents: 4)])
        #expect(coverage.problems[0].message(run: "x.run") == "none of run x.run's 4 documents appear in the qrels: are the document ids the same? Every query scores 0")
    }

    @Test func documentsJudgedOnlyForOtherQueriesAreReported() {
        // Known documents, each ranked for a query that does not judge it (q1's for q2 and so on).
        let coverage = RunCoverage(run: Self.run("q1 Q0 d3 1 1 t\nq2 Q0 d1 1 1 t\nq3 Q0 d2 1 1 t\n"), qrels: Self.qrels)
        #expect(coverage.documentsInQrels == 3 && coverage.queriesWithJudgedDocument == 0)
        #expect(coverage.problems == [.noDocumentJudgedForItsQuery(queries: 3)])
        // One query with a judged document is enough to stay quiet: sparse judgments are normal.
        let partly = RunCoverage(run: Self.run("q1 Q0 d1 1 1 t\nq2 Q0 d1 1 1 t\nq3 Q0 d2 1 1 t\n"), qrels: Self.qrels)
        #expect(partly.problems == [])
    }

    @Test func anEmptyRunMissesEveryJudgedQuery() {
        let coverage = RunCoverage(run: Self.run(""), qrels: Self.qrels)
        #expect(coverage.problems == [.judgedQueriesMissing(count: 3, first: ["q1", "q2", "q3"])])
        #expect(coverage.problems[0].message(run: "e.run") == "run e.run has no ranking for 3 judged queries (first: q1, q2, q3); they score 0")
    }
}

@Suite struct RunComparisonTests {
    @Test func pairsWithTheFirstOrAll() {
        #expect(RunComparison.positions(runCount: 3, pairs: .withFirst).map { [$0.baseline, $0.run] } == [[0, 1], [0, 2]])
        #expect(RunComparison.positions(runCount: 3, pairs: .all).map { [$0.baseline, $0.run] } == [[0, 1], [0, 2], [1, 2]])
        #expect(RunComparison.positions(runCount: 1, pairs: .all).isEmpty)
    }

    @Test func differencesAndHolmAdjustedPValuesPerMetric() throws {
        // Four queries, each relevant document d1; run a ranks it first everywhere (RR 1),
        // b second (RR 0.5), c first on q1 and q2, second on q3 and q4 (RR 1, 1, 0.5, 0.5).
        let qrels = try Qrels(parsing: (1...4).map { "q\($0) 0 d1 1\n" }.joined())
        func run(_ name: String, _ firstOn: Set<Int>) throws -> TRECRun {
            try TRECRun(parsing: (1...4).map { query in
                firstOn.contains(query) ? "q\(query) Q0 d1 1 2 t\nq\(query) Q0 d2 2 1 t\n" : "q\(query) Q0 d2 1 2 t\nq\(query) Q0 d1 2 1 t\n"
            }.joined(), name: name)
        }
        let runs = [try run("a", [1, 2, 3, 4]), try run("b", []), try run("c", [1, 2])]
        let metrics: [Metric] = [.reciprocalRank(k: nil), .success(k: 1)]
        let reports = runs.map { Evaluator.evaluate($0, qrels: qrels, metrics: metrics) }
        let comparisons = RunComparison.compare(reports, metrics: metrics, pairs: .all, trials: 2_000)
        #expect(comparisons.count == 6)
        // mrr: a 1, b 0.5, c 0.75 → b − a = −0.5, c − a = −0.25, c − b = +0.25.
        let mrr = comparisons.filter { $0.metric == .reciprocalRank(k: nil) }
        #expect(mrr.map { [$0.baseline, $0.run] } == [[0, 1], [0, 2], [1, 2]])
        #expect(mrr.map(\.difference) == [-0.5, -0.25, 0.25])
        // The adjusted values are Holm's over the three mrr p-values, whatever they are.
        let expected = Significance.holmAdjusted(mrr.map(\.p))
        #expect(mrr.map(\.adjustedP) == expected)
        #expect(zip(mrr.map(\.adjustedP), mrr.map(\.p)).allSatisfy { $0 >= $1 })
        // b − a: all four differences −0.5, so every sign flip but the observed one and its
        // mirror is less extreme: exact two-sided p = 2/16 = 0.125; the test's estimate is near.
        #expect(abs(mrr[0].p - 0.125) < 0.03, "\(mrr[0].p)")
        #expect(mrr[0].lowerBound == -0.5 && mrr[0].upperBound == -0.5)
        // success@1 equals RR here but 0 for b: its own family of three.
        let success = comparisons.filter { $0.metric == .success(k: 1) }
        #expect(success.map(\.difference) == [-1, -0.5, 0.5])
        #expect(success.map(\.adjustedP) == Significance.holmAdjusted(success.map(\.p)))
    }
}
