import DuijieTestSupport
import Foundation
import Testing

/// `duijie update` and `duijie index --merge` as a user runs them.
@Suite struct UpdateCommandTests {
    @Test func aNewDemandIsServedAfterAnUpdateAndAfterTheMerge() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", index]).status == 0)
        // A demand no achievement of the demo was written for, with words the corpus lacks.
        let demands = directory.write("demands.jsonl", #"{"id":"D-NEW-1","enterprise":"C-1001","title":"钙钛矿量子点荧光防伪油墨","keywords":["钙钛矿","量子点"]}"# + "\n")
        let achievements = directory.write("achievements.jsonl", #"{"id":"A-NEW-1","title":"钙钛矿量子点荧光防伪油墨及其印刷方法","keywords":["钙钛矿","量子点","防伪"],"owner":"I-DLUT"}"# + "\n")
        let update = try CommandRunner.run(["update", index, "--add", demands, "--add", achievements])
        #expect(update.status == 0, "\(update.standardError)")
        #expect(update.standardOutput.contains("generation 1: 2 added, 0 replaced, 0 removed"))
        let shortlist = try CommandRunner.run(["recommend", "D-NEW-1", "--index", index, "--top", "3", "--format", "csv"])
        #expect(shortlist.status == 0 && shortlist.standardOutput.split(separator: "\n").dropFirst().first?.contains("A-NEW-1") == true, "\(shortlist.standardOutput)")
        let match = try CommandRunner.run(["match", "--index", index, "--text", "钙钛矿量子点", "--top", "1"])
        #expect(match.status == 0 && match.standardOutput.contains("A-NEW-1"), "\(match.standardOutput)")
        // Removing it, then merging: gone, and the merge says what it did.
        #expect(try CommandRunner.run(["update", index, "--remove", "A-NEW-1"]).standardOutput.contains("generation 2: 0 added, 0 replaced, 1 removed"))
        let merge = try CommandRunner.run(["index", "--merge", index])
        #expect(merge.status == 0 && merge.standardOutput.contains("merged; generation 2 is now the base"), "\(merge.standardError)")
        #expect(!(try CommandRunner.run(["match", "--index", index, "--text", "钙钛矿量子点", "--top", "1"]).standardOutput.contains("A-NEW-1")))
        #expect(try CommandRunner.run(["index", "--merge", index]).standardOutput.contains("no updates to merge"))
    }

    @Test func badUpdatesExitNonZeroNamingTheLineAndChangeNothing() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", index]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: index))
        let bad = directory.write("new.jsonl", """
            {"recordKind":"demand","id":"D-NEW-2","enterprise":"C-1001","title":"海水淡化"}
            {"recordKind":"demand","id":"D-NEW-3","enterprise":"C-NOWHERE","title":"深海网箱"}
            {"id":"D-NEW-4","title":"缺少类型"}

            """)
        let kindless = try CommandRunner.run(["update", index, "--add", bad])
        #expect(kindless.status != 0 && kindless.standardError.contains("\(bad):3") && kindless.standardError.contains("recordKind"), "\(kindless.standardError)")
        let fixed = directory.write("fixed.jsonl", try String(contentsOfFile: bad, encoding: .utf8).split(separator: "\n").prefix(2).joined(separator: "\n") + "\n")
        let dangling = try CommandRunner.run(["update", index, "--add", fixed])
        #expect(dangling.status != 0 && dangling.standardError.contains("\(fixed):2") && dangling.standardError.contains("C-NOWHERE"), "\(dangling.standardError)")
        let unknown = try CommandRunner.run(["update", index, "--remove", "A-NOT-THERE"])
        #expect(unknown.status != 0 && unknown.standardError.contains("A-NOT-THERE is not in the index"))
        let nothing = try CommandRunner.run(["update", index])
        #expect(nothing.status != 0 && nothing.standardError.contains("--add FILE, --remove ID or --from-corpus DIR"))
        let both = try CommandRunner.run(["index", "Corpus/demo", "--merge", index])
        #expect(both.status != 0 && both.standardError.contains("--merge INDEX takes no corpus"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == before)
        #expect(!FileManager.default.fileExists(atPath: index + ".live"))
    }

    @Test func aKeyTheRecordDoesNotHaveIsReportedNotDroppedSilently() throws {
        let directory = TemporaryDirectory()
        let index = directory.path + "/demo.index"
        #expect(try CommandRunner.run(["index", "Corpus/demo", "-o", index]).status == 0)
        let file = directory.write("demands.jsonl", #"{"id":"D-NEW-5","enterprise":"C-1001","title":"海水淡化","colour":"blue"}"# + "\n")
        let outcome = try CommandRunner.run(["update", index, "--add", file])
        #expect(outcome.status == 0 && outcome.standardError.contains("\(file):1: colour: warning: unknown key"), "\(outcome.standardError)")
    }
}
