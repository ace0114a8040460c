import DuijieBase
@testable import DuijieCorpus
import DuijieTestSupport
import Testing

/// Parent cycles found in linear time: deep chains (the old check grew with the cube of the
/// depth, and `--skip-bad` with a bad root repeated the whole resolution once per level).
@Suite(.timeLimit(.minutes(1))) struct TaxonomyCycleTests {
    /// The fixture's fields (3 lines) followed by `F-C0` … `F-C(n-1)`, each the parent of the next.
    private func load(chain n: Int, root: String = #"{"id":"F-C0","name":"链0"}"#, closed: Bool = false, skipBad: Bool = false) throws -> CorpusLoadResult {
        var lines = [closed ? #"{"id":"F-C0","name":"链0","parent":"F-C\#(n - 1)"}"# : root]
        for index in 1..<n { lines.append(#"{"id":"F-C\#(index)","name":"链\#(index)","parent":"F-C\#(index - 1)"}"#) }
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory, replacing: ["taxonomy/fields.jsonl": CorpusFixture.fields + "\n" + lines.joined(separator: "\n")])
        return try CorpusLoader.load(directory.path, options: CorpusLoadOptions(skipBadRecords: skipBad))
    }

    @Test func cyclesOfParentLinksAreFoundByOneWalk() {
        // 0 → 1 → 2 → 0 is a cycle; 3 leads into it but is not on it; 4 has no parent; 5 → 4;
        // 6 is its own parent; 7 is excluded, so 8 → 7 ends there.
        let parents: [Int?] = [1, 2, 0, 0, nil, 4, 6, 7, 7]
        let excluded = [false, false, false, false, false, false, false, true, false]
        let cycles = ParentCycles.cycles(parents: parents, excluded: excluded)
        #expect(cycles.map { $0?.members } == [[0, 1, 2], [0, 1, 2], [0, 1, 2], nil, nil, nil, [6], nil, nil])
        #expect(cycles.map { $0?.offset } == [0, 1, 2, nil, nil, nil, 0, nil, nil])
        #expect(ParentCycles.describe(cycle: [0, 1, 2], from: 1) { "n\($0)" } == "n1 → n2 → n0 → n1")
    }

    @Test func aHundredThousandDeepChainIsNoCycle() throws {
        let result = try load(chain: 100_000)
        #expect(result.issues.isEmpty, "\(result.issues.prefix(3))")
        // The fixture's 3 fields and the chain.
        #expect(result.corpus.count(of: .field) == 100_003)
    }

    @Test func everyMemberOfADeepCycleIsReportedOnce() throws {
        let result = try load(chain: 4_000, closed: true)
        let errors = result.errors.map(\.description)
        #expect(errors.count == 4_000)
        // F-C0 is line 4 (after the fixture's 3 fields); its parent is the last of the chain.
        #expect(errors.first == "taxonomy/fields.jsonl:4: parent: the parents form a cycle: F-C0 → F-C3999 → F-C3998 → F-C3997 → F-C3996 → F-C3995 → … (4000 records in the cycle) → F-C0")
        #expect(errors.last == "taxonomy/fields.jsonl:4003: parent: the parents form a cycle: F-C3999 → F-C3998 → F-C3997 → F-C3996 → F-C3995 → F-C3994 → … (4000 records in the cycle) → F-C3999")
    }

    @Test func skippingABadRootSkipsTheWholeDeepChain() throws {
        // The root has no name: an error. With --skip-bad every level below it goes, each saying why.
        let result = try load(chain: 100_000, root: #"{"id":"F-C0"}"#, skipBad: true)
        #expect(result.corpus.count(of: .field) == 3)
        #expect(result.skippedRecords.count == 100_000)
        let errors = result.errors.map(\.description)
        #expect(errors.count == 100_000)
        #expect(errors.last == #"taxonomy/fields.jsonl:100003: parent: "F-C99998" names a record that was skipped for its own errors"#)
        // Without --skip-bad only the root is in error: the others name an existing record.
        let strict = try load(chain: 1_000, root: #"{"id":"F-C0"}"#)
        #expect(strict.errors.count == 1)
    }

    @Test func aCycleBelowASkippedRecordIsStillReported() throws {
        // F-X is bad (no name); F-A ⇄ F-B is a cycle; F-T hangs below F-X. With --skip-bad the cycle
        // is reported on both members and F-T goes with F-X.
        let directory = TemporaryDirectory()
        CorpusFixture.write(to: directory, replacing: ["taxonomy/fields.jsonl": CorpusFixture.fields + "\n" + """
        {"id":"F-X"}
        {"id":"F-A","name":"甲","parent":"F-B"}
        {"id":"F-B","name":"乙","parent":"F-A"}
        {"id":"F-T","name":"丁","parent":"F-X"}
        """])
        let result = try CorpusLoader.load(directory.path, options: CorpusLoadOptions(skipBadRecords: true))
        #expect(result.errors.map(\.description).filter { !$0.contains(":4: ") } == [
            "taxonomy/fields.jsonl:5: parent: the parents form a cycle: F-A → F-B → F-A",
            "taxonomy/fields.jsonl:6: parent: the parents form a cycle: F-B → F-A → F-B",
            #"taxonomy/fields.jsonl:7: parent: "F-X" names a record that was skipped for its own errors"#,
        ])
        #expect(result.corpus.count(of: .field) == 3)
    }
}
