import DuijieBase
@testable import DuijieRanking
import DuijieTestSupport
import Foundation
import Testing

/// `kill -9` at random moments of `duijie index` over an index that exists: after every kill
/// the file at the path is a whole index (the old one, or the new one if the rename happened)
/// that answers as before, and the next run clears what the killed ones left.
@Suite(.serialized) struct IndexCrashTests {
    static let kills = 16

    @Test func aKilledIndexRunNeverLeavesAPartialIndex() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        let demands = ["D-1012", "D-1001", "D-4001"]
        func answers() throws -> [String] {
            let recommender = try RecommenderIndex.load(index)
            return demands.flatMap { RecommenderIndexTests.summary(recommender.recommend(for: $0, target: .achievement, top: 5)) }
        }
        // The good index, and how long a whole run takes here (the kills land within it).
        let started = Date()
        let first = try CommandRunner.run(["index", "Corpus/demo", "-o", index])
        try #require(first.status == 0, "\(first.standardError)")
        let runMicroseconds = max(200_000, Int(Date().timeIntervalSince(started) * 1_000_000))
        let expected = try answers()
        var random = SplitMix64(seed: 20261207)
        var interrupted = 0, finished = 0
        for attempt in 0..<Self.kills {
            let process = Process()
            process.executableURL = CommandRunner.executable("duijie")
            process.arguments = ["index", "Corpus/demo", "-o", index]
            process.currentDirectoryURL = URL(fileURLWithPath: RepositoryFiles.root)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(random.nextIndex(below: runMicroseconds)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { interrupted += 1 } else { finished += 1 }
            #expect(try answers() == expected, "attempt \(attempt)")
        }
        // Most kills landed inside a run (a run that finished first is no test of anything).
        #expect(interrupted >= Self.kills / 2, "interrupted \(interrupted), finished \(finished)")
        let last = try CommandRunner.run(["index", "Corpus/demo", "-o", index])
        #expect(last.status == 0, "\(last.standardError)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".duijie-tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        #expect(try answers() == expected)
    }
}
