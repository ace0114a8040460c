import DuijieTestSupport
import Testing

/// Count options out of their range are usage errors naming the option, never a trap.
@Suite struct CountOptionTests {
    static let huge = "9223372036854775807"  // Int.max

    @Test func hugeCountsAreUsageErrors() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["recommend", "--corpus", "Corpus/demo", "--text", "储能", "--top", Self.huge, "--diversity", "0.7"],
             "--top must be between 1 and 1000000, got \(Self.huge)"),
            (["recommend", "--corpus", "Corpus/demo", "--text", "储能", "--max-per-institution", Self.huge],
             "--max-per-institution must be between 1 and 1000000"),
            (["match", "--corpus", "Corpus/demo", "--text", "储能", "--threads", Self.huge], "--threads must be between 1 and 1024"),
            (["match", "--corpus", "Corpus/demo", "--text", "储能", "--top", "0"], "--top must be between 1 and 1000000, got 0"),
            (["index", "Corpus/demo", "-o", "/nonexistent/x.index", "--threads", Self.huge], "--threads must be between 1 and 1024"),
            (["index", "Corpus/demo", "-o", "/nonexistent/x.index", "--dimensions", Self.huge], "--dimensions must be between 1 and 10000"),
            (["run", "--corpus", "Corpus/demo", "--queries", "q.jsonl", "--top", Self.huge], "--top must be between 1 and 1000000"),
            (["corpus", "check", "Corpus/demo", "--top=-1"], "--top must be between 0 and 1000000, got -1"),
            (["eval", "--qrels", "q", "--run", "r", "--trials=-3"], "--trials must be between 1 and 100000000, got -3"),
        ]
        for (arguments, message) in cases {
            let outcome = try CommandRunner.run(arguments)
            // 64: a usage error (a trap would be 132 or 133).
            #expect(outcome.status == 64, "\(arguments): \(outcome.status) \(outcome.standardError)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
        }
        let generate = try CommandRunner.run(["generate", "--achievements", "3", "--demands", "2", "--threads", Self.huge, "-o", "/nonexistent/c"],
                                             program: "DuijieBench")
        #expect(generate.status == 64 && generate.standardError.contains("--threads must be between 1 and 1024"))
    }

    @Test func theDevelopersBenchCommandsCheckTheirCountsToo() throws {
        let cases: [(arguments: [String], message: String)] = [
            (["pairing", "--demand", "0"], "--demand must be between 1 and 1000000, got 0"),
            (["pairing", "--min-meetings", "9", "--max-meetings", "3"], "--max-meetings must be between 9 and 10000, got 3"),
            (["dense-speed", "--svd-input", "x.jsonl", "--documents", Self.huge], "--documents must be between 1 and 100000000"),
            (["text-speed", "--input", "x.jsonl", "--repeat", "0"], "--repeat must be between 1 and 1000, got 0"),
            (["latency", "--corpus", "Corpus/demo", "--queries=-5"], "--queries must be between 1 and 100000000, got -5"),
            (["quality", "--suite", "demo", "--dimensions", "0"], "--dimensions must be between 1 and 10000, got 0"),
            (["tune", "--suite", "demo", "--queries", "0"], "--queries must be between 1 and 100000000, got 0"),
            (["explanations", "--top", Self.huge], "--top must be between 1 and 1000000"),
            (["live", "--corpus", "Corpus/demo", "--segments", "0"], "--segments must be between 1 and 1000, got 0"),
        ]
        for (arguments, message) in cases {
            let outcome = try CommandRunner.run(arguments, program: "DuijieBench")
            #expect(outcome.status == 64, "\(arguments): \(outcome.status) \(outcome.standardError)")
            #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
        }
    }

    @Test func theLargestAllowedTopWithDiversityWorks() throws {
        let outcome = try CommandRunner.run(["recommend", "--corpus", "Corpus/demo", "--text", "储能", "--top", "1000000", "--diversity", "0.7"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
    }
}
