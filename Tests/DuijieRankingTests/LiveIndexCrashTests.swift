import DuijieBase
import DuijieCorpus
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

/// `kill -9` at random moments of `duijie update` and `duijie index --merge`: after every kill
/// the index loads and answers exactly as an index given the same committed changes without
/// kills (a reference kept in step), and the next writer clears what the killed one left.
@Suite(.serialized) struct LiveIndexCrashTests {
    static let kills = 30

    @Test func killedUpdatesAndMergesLeaveTheLastCommittedGeneration() throws {
        let (directory, index, _) = try LiveIndexTests.partialIndex(holdingBack: 0)
        let reference = directory.path + "/reference.index"
        try FileManager.default.copyItem(atPath: index, toPath: reference)
        let demands = ["D-1012", "D-1001", "D-4001"]
        func answers(_ path: String) throws -> [String] {
            let snapshot = try LiveIndex.open(path)
            return [String(snapshot.generation)] + demands.flatMap { RecommenderIndexTests.summary(snapshot.recommender.recommend(for: $0, target: .achievement, top: 5)) }
        }
        var random = SplitMix64(seed: 20261207)
        var committed = 0, interrupted = 0
        for attempt in 0..<Self.kills {
            // Every fifth run merges; the others add one new achievement.
            let merging = attempt % 5 == 4
            let additions = directory.write("add-\(attempt).jsonl",
                #"{"recordKind":"achievement","id":"A-KILL-\#(attempt)","title":"海水淡化反渗透膜抗污染涂层第\#(attempt)代","keywords":["反渗透","抗污染"]}"# + "\n")
            let arguments = merging ? ["index", "--merge", index] : ["update", index, "--add", additions]
            let process = Process()
            process.executableURL = CommandRunner.executable("duijie")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let generationBefore = try LiveIndex.open(index).generation
            let segmentsBefore = try LiveManifest.read(index: index)?.segments.count ?? 0
            try process.run()
            // A moment somewhere in the run (a debug build's update or merge takes 1–3 s here).
            usleep(UInt32(random.nextIndex(below: 2_500_000)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // What the killed run committed decides what the reference does.
            let after = try LiveIndex.open(index)
            let segmentsAfter = try LiveManifest.read(index: index)?.segments.count ?? 0
            let didCommit = merging ? (segmentsBefore > 0 && segmentsAfter == 0) : after.generation == generationBefore + 1
            if didCommit {
                committed += 1
                if merging {
                    _ = try LiveIndex.merge(reference)
                } else {
                    var changes = RecordChanges()
                    changes.additions = try RecordChanges.additions(fromFile: additions)
                    _ = try LiveIndex.update(reference, with: changes)
                }
            } else {
                interrupted += 1
                #expect(after.generation == generationBefore, "attempt \(attempt)")
            }
            #expect(try answers(index) == answers(reference), "attempt \(attempt): \(arguments)")
        }
        // Both outcomes happened, so the kills landed before and after commits.
        #expect(committed > 0 && interrupted > 0, "committed \(committed), interrupted \(interrupted)")
        // The next writer clears every leftover: no temporary file, no segment the manifest does not name.
        let last = directory.write("achievements.jsonl", #"{"id":"A-KILL-LAST","title":"最后一条"}"# + "\n")
        let outcome = try CommandRunner.run(["update", index, "--add", last])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let named = Set(try LiveManifest.read(index: index)?.segments ?? [])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { name in
            name.contains(".duijie-tmp-") || (name.hasPrefix("part.index.seg-") && !named.contains(name))
        }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
