import DuijieTestSupport
import Foundation
import Testing

/// Outputs that are directories, `.`, or inputs: a clear error, a non-zero exit, nothing written.
@Suite struct OutputPathCommandTests {
    static let event = "Corpus/demo/events/liaoning-2026"

    /// Every command with an output, writing to `output`.
    static func commands(_ output: String, directory: TemporaryDirectory) -> [(program: String, arguments: [String])] {
        let queries = directory.write("queries.jsonl", #"{"id": "q1", "text": "储能"}"# + "\n")
        let sheet = directory.write("sheet.csv", "id,title\nA1,储能电池\n")
        return [
            ("duijie", ["index", "Corpus/demo", "-o", output]),
            ("duijie", ["corpus", "import-csv", sheet, "--kind", "achievement", "-o", output]),
            ("duijie", ["run", "--corpus", "Corpus/demo", "--queries", queries, "-o", output]),
            ("duijie", ["pair", event, "--corpus", "Corpus/demo", "-o", output]),
            ("DuijieBench", ["generate", "--achievements", "3", "--demands", "2", "--texts", "template", "-o", output]),
        ]
    }

    @Test func dotAndDirectoriesAreClearErrors() throws {
        let directory = TemporaryDirectory()
        let folder = directory.write("folder/keep.txt", "keep")
        let folderPath = directory.path + "/folder"
        // A trailing `/` names a directory: an error for the three commands that write a file.
        for (output, count) in [(folderPath + "/.", 5), (folderPath + "/..", 5), (folderPath + "/", 3)] {
            for command in Self.commands(output, directory: directory).prefix(count) {
                let outcome = try CommandRunner.run(command.arguments, program: command.program)
                // 1: an error reported by Duijie (a crash would be 132 or 134, a usage error 64).
                #expect(outcome.status == 1, "\(command.arguments): \(outcome.standardError)")
                #expect(outcome.standardError.contains("the output must name a"), "\(command.arguments): \(outcome.standardError)")
            }
        }
        // An existing directory where a file is expected.
        for command in Self.commands(folderPath, directory: directory).prefix(3) {
            let outcome = try CommandRunner.run(command.arguments, program: command.program)
            #expect(outcome.status == 1, "\(command.arguments)")
            #expect(outcome.standardError.contains("folder: is a directory; the output must name a file"), "\(outcome.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folderPath) == ["keep.txt"])
        #expect(try String(contentsOfFile: folder, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["folder", "queries.jsonl", "sheet.csv"])
    }

    @Test func pairReplacesANonEmptyDirectoryOnlyWithForce() throws {
        let directory = TemporaryDirectory()
        directory.write("out/notes.txt", "mine")
        let output = directory.path + "/out"
        let refused = try CommandRunner.run(["pair", Self.event, "--corpus", "Corpus/demo", "-o", output])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("out: the directory is not empty; use --force to replace it"))
        #expect(directory.read("out/notes.txt") == "mine")
        let forced = try CommandRunner.run(["pair", Self.event, "--corpus", "Corpus/demo", "-o", output, "--force"])
        #expect(forced.status == 0, "\(forced.standardError)")
        #expect(directory.read("out/notes.txt") == nil && directory.read("out/schedule.csv") != nil)
        // A previous report is replaced without --force.
        let again = try CommandRunner.run(["pair", Self.event, "--corpus", "Corpus/demo", "-o", output])
        #expect(again.status == 0, "\(again.standardError)")
    }

    @Test func pairNeverReplacesItsInputsEvenWithForce() throws {
        let directory = TemporaryDirectory()
        // A copy of the demo corpus with its event inside, so that nothing of the repository is at risk.
        let corpus = directory.path + "/work/corpus"
        try FileManager.default.createDirectory(atPath: directory.path + "/work", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        let event = corpus + "/events/liaoning-2026"
        let before = try FileManager.default.subpathsOfDirectory(atPath: corpus).sorted()
        for output in [event, corpus, directory.path + "/work"] {
            let outcome = try CommandRunner.run(["pair", event, "--corpus", corpus, "-o", output, "--force"])
            #expect(outcome.status == 1, "\(output)")
            #expect(outcome.standardError.contains("is or contains the input"), "\(outcome.standardError)")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: corpus).sorted() == before)
    }

    @Test func theIndexWriterRemovesATemporaryLeftByAKilledRun() throws {
        let directory = TemporaryDirectory()
        // As a `kill -9` during `duijie index` leaves it: PID 2147483647 runs nowhere (Linux's
        // pid_max is at most 2^22). A stale temporary of another file stays.
        directory.write(".demo.index.duijie-tmp-2147483647-42", "half an index")
        directory.write(".other.index.duijie-tmp-2147483647-42", "another file's")
        let outcome = try CommandRunner.run(["index", "Corpus/demo", "-o", directory.path + "/demo.index"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [".other.index.duijie-tmp-2147483647-42", "demo.index"])
    }
}
