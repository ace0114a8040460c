import DuijieTestSupport
import Foundation
import Testing

/// `duijie eval`'s CSV and JSON, its comparisons of every pair with Holm's adjustment, and its
/// warnings about runs that do not fit the judgments.
@Suite struct EvalReportCommandTests {
    /// Four queries, each with one relevant document dN; three runs ranking two documents per
    /// query: a puts the relevant one first everywhere (reciprocal rank 1, 1, 1, 1: mean 1), b
    /// second everywhere (0.5 each: 0.5), c first for q1 and q2, second for q3 and q4 (0.75).
    static func fixture(_ directory: TemporaryDirectory) -> (qrels: String, runs: [String]) {
        let qrels = directory.write("judgments.qrels", (1...4).map { "q\($0) 0 d\($0) 1\n" }.joined())
        func run(_ name: String, firstOn: Set<Int>) -> String {
            directory.write(name, (1...4).map { query in
                let (top, second) = firstOn.contains(query) ? ("d\(query)", "x\(query)") : ("x\(query)", "d\(query)")
                return "q\(query) Q0 \(top) 1 2 \(name)\nq\(query) Q0 \(second) 2 1 \(name)\n"
            }.joined())
        }
        return (qrels, [run("a.run", firstOn: [1, 2, 3, 4]), run("b.run", firstOn: []), run("c.run", firstOn: [1, 2])])
    }

    static func arguments(_ fixture: (qrels: String, runs: [String])) -> [String] {
        ["eval", "--qrels", fixture.qrels] + fixture.runs.flatMap { ["--run", $0] } + ["--metrics", "mrr", "--trials", "4000"]
    }

    @Test func allPairsAsCSVWithHolmAdjustedPValues() throws {
        let directory = TemporaryDirectory()
        let outcome = try CommandRunner.run(Self.arguments(Self.fixture(directory)) + ["--all-pairs", "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.isEmpty, "\(outcome.standardError)")
        let rows = outcome.standardOutput.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.first == ["metric", "run", "mean", "baseline", "delta", "ci_lower", "ci_upper", "p", "p_adjusted"])
        // a has no baseline; b against a; c against a and against b.
        #expect(rows.dropFirst().map { Array($0.prefix(5)) } == [
            ["mrr", "a.run", "1", "", ""], ["mrr", "b.run", "0.5", "a.run", "-0.5"],
            ["mrr", "c.run", "0.75", "a.run", "-0.25"], ["mrr", "c.run", "0.75", "b.run", "0.25"],
        ])
        guard rows.count == 5 else { return }
        let p = rows[2...4].map { Double($0[7])! }
        let adjusted = rows[2...4].map { Double($0[8])! }
        // Exact permutation p-values: b − a is −0.5 on all four queries (only the two uniform
        // sign patterns of 16 are as extreme: 0.125); c − a is (0, 0, −0.5, −0.5) and c − b
        // (0.5, 0.5, 0, 0): 2 of 4 patterns, 0.5. The test's estimates are near them.
        #expect(abs(p[0] - 0.125) < 0.03 && abs(p[1] - 0.5) < 0.05 && abs(p[2] - 0.5) < 0.05, "\(p)")
        // Holm over m = 3, by hand: the smallest (b − a) × 3 ≈ 0.375; the next × 2 ≈ 1 (capped
        // at 1), the largest × 1 ≈ 0.5, raised to the one before. So b − a gets 3p, and the two
        // others both get min(1, 2 × the smaller of their p-values).
        let smaller = min(p[1], p[2])
        #expect(abs(adjusted[0] - 3 * p[0]) < 1e-9, "\(adjusted)")
        #expect(abs(adjusted[1] - min(1, 2 * smaller)) < 1e-9 && adjusted[2] == adjusted[1], "\(adjusted)")
    }

    @Test func tablesNameTheCorrectionAndItsFamily() throws {
        let directory = TemporaryDirectory()
        let fixture = Self.fixture(directory)
        let pairs = try CommandRunner.run(Self.arguments(fixture) + ["--all-pairs"])
        #expect(pairs.status == 0, "\(pairs.standardError)")
        let lines = pairs.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.first == ["4", "queries"])
        #expect(lines.contains(["mrr", "1.0000", "0.5000", "0.7500"]), "\(pairs.standardOutput)")
        #expect(lines.contains { $0.prefix(4) == ["mrr", "c.run", "b.run", "+0.2500"] }, "\(pairs.standardOutput)")
        #expect(pairs.standardOutput.contains("p-values adjusted by Holm–Bonferroni over the 3 comparisons of each metric"))
        // Each with the first: two comparisons, so a Holm column and the note; one: neither.
        let withFirst = try CommandRunner.run(Self.arguments(fixture))
        #expect(withFirst.standardOutput.contains("p (Holm)") && withFirst.standardOutput.contains("over the 2 comparisons of each metric"))
        let single = try CommandRunner.run(["eval", "--qrels", fixture.qrels, "--run", fixture.runs[0], "--run", fixture.runs[1], "--metrics", "mrr"])
        #expect(single.status == 0 && !single.standardOutput.contains("Holm"), "\(single.standardOutput)")
    }

    @Test func jsonWithPerQueryValuesWrittenToAFile() throws {
        let directory = TemporaryDirectory()
        let fixture = Self.fixture(directory)
        let path = directory.path + "/eval.json"
        let outcome = try CommandRunner.run(Self.arguments(fixture) + ["--all-pairs", "--format", "json", "--per-query", "-o", path])
        #expect(outcome.status == 0 && outcome.standardOutput.isEmpty, "\(outcome.standardError)")
        let data = try #require(FileManager.default.contents(atPath: path))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["queries"] as? Int == 4 && json["pairs"] as? String == "all")
        let runs = try #require(json["runs"] as? [[String: Any]])
        #expect(runs.map { $0["name"] as? String } == ["a.run", "b.run", "c.run"])
        #expect((runs[2]["means"] as? [String: Double])?["mrr"] == 0.75)
        // c: reciprocal rank 1 on q1, 0.5 on q3 (relevant document second).
        let perQuery = try #require(runs[2]["perQuery"] as? [String: [String: Double]])
        #expect(perQuery.keys.sorted() == ["q1", "q2", "q3", "q4"] && perQuery["q1"]?["mrr"] == 1 && perQuery["q3"]?["mrr"] == 0.5)
        let comparisons = try #require(json["comparisons"] as? [[String: Any]])
        #expect(comparisons.map { "\($0["run"]!) vs \($0["baseline"]!)" } == ["b.run vs a.run", "c.run vs a.run", "c.run vs b.run"])
        #expect(comparisons[0]["delta"] as? Double == -0.5 && comparisons[0]["ciLower"] as? Double == -0.5)
        let correction = try #require(json["correction"] as? [String: Any])
        #expect(correction["method"] as? String == "holm-bonferroni" && correction["comparisonsPerMetric"] as? Int == 3)
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let directory = TemporaryDirectory()
        let fixture = Self.fixture(directory)
        let before = directory.read("b.run")
        let outcome = try CommandRunner.run(Self.arguments(fixture) + ["--format", "csv", "-o", fixture.runs[1]])
        #expect(outcome.status == 1 && outcome.standardError.contains("b.run: is the input"), "\(outcome.standardError)")
        #expect(directory.read("b.run") == before)
    }

    @Test func runsThatDoNotFitTheJudgmentsAreWarnedAbout() throws {
        let directory = TemporaryDirectory()
        let fixture = Self.fixture(directory)
        // Other document ids (D1 for d1): every query would silently score 0.
        let renamed = directory.write("renamed.run", (1...4).map { "q\($0) Q0 D\($0) 1 1 t\n" }.joined())
        // q1 and q2 only, and two queries the qrels do not judge.
        let partial = directory.write("partial.run", "q1 Q0 d1 1 1 t\nq2 Q0 d2 1 1 t\nz9 Q0 d1 1 1 t\nz7 Q0 d1 1 1 t\n")
        let outcome = try CommandRunner.run(["eval", "--qrels", fixture.qrels, "--run", fixture.runs[0], "--run", renamed, "--run", partial, "--metrics", "mrr"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.split(separator: "\n") == [
            "warning: none of run renamed.run's 4 documents appear in the qrels: are the document ids the same? Every query scores 0",
            "warning: run partial.run: 2 of 4 queries are not in the qrels (first: z7, z9); they are not measured",
            "warning: run partial.run has no ranking for 2 judged queries (first: q3, q4); they score 0",
        ])
        // The report itself is unchanged by the warnings: renamed scores 0, partial 0.5.
        let table = outcome.standardOutput.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(table.count == 4 && table[1].starts(with: ["metric", "a.run", "renamed.run"]), "\(outcome.standardOutput)")
        #expect(table.count == 4 && table[2].starts(with: ["mrr", "1.0000", "0.0000", "-1.0000"]) && table[2].contains("0.5000"), "\(outcome.standardOutput)")
    }
}
