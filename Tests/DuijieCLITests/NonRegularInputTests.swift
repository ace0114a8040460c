import DuijieTestSupport
import Foundation
import Testing

/// Inputs that are not regular files are refused by name, never read: a FIFO would block and
/// `/dev/zero` would never end. (Before, each case below hung until killed.)
@Suite(.timeLimit(.minutes(2))) struct NonRegularInputTests {
    /// A copy of the demo corpus (without its events) with `file` replaced by `make(path)`.
    private func corpus(in directory: TemporaryDirectory, replacing file: String, _ make: (String) -> Int32) throws -> String {
        let corpus = directory.path + "/corpus"
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        try FileManager.default.removeItem(atPath: corpus + "/" + file)
        #expect(make(corpus + "/" + file) == 0)
        return corpus
    }

    @Test func indexRefusesARecordFileThatIsAFIFO() throws {
        let directory = TemporaryDirectory()
        let corpus = try corpus(in: directory, replacing: "relations.jsonl") { mkfifo($0, 0o600) }
        let outcome = try CommandRunner.run(["index", corpus, "-o", directory.path + "/demo.index"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("relations.jsonl: cannot read the file: it is a FIFO (named pipe); only regular files are read"),
                "\(outcome.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/demo.index"))
    }

    @Test func indexRefusesARecordFileLinkedToDevZero() throws {
        let directory = TemporaryDirectory()
        let corpus = try corpus(in: directory, replacing: "experts.jsonl") { symlink("/dev/zero", $0) }
        let outcome = try CommandRunner.run(["index", corpus, "-o", directory.path + "/demo.index"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("experts.jsonl: cannot read the file: it is a character device; only regular files are read"),
                "\(outcome.standardError)")
        let check = try CommandRunner.run(["corpus", "check", corpus])
        #expect(check.status == 1 && check.standardError.contains("experts.jsonl: cannot read the file: it is a character device"))
    }

    @Test func aDanglingOrLoopingLinkIsRefusedNotTakenForAnAbsentKind() throws {
        // Found by scripts/hostile-runs: such a file counted as no achievements at all.
        for (name, make) in [("dangling", { (path: String) in symlink(path + ".nowhere", path) }),
                             ("loop", { (path: String) in symlink(path + ".loop", path) + symlink(path, path + ".loop") })] {
            let directory = TemporaryDirectory()
            let corpus = try corpus(in: directory, replacing: "achievements.jsonl", make)
            let check = try CommandRunner.run(["corpus", "check", corpus])
            let reason = name == "dangling" ? "No such file or directory" : "Too many levels of symbolic links"
            #expect(check.status == 1 && check.standardError.contains("achievements.jsonl: cannot read the file (\(reason))"), "\(name): \(check.standardError)")
        }
    }

    @Test func aMisnamedRecordFileIsAWarningNamingTheExpectedFiles() throws {
        let directory = TemporaryDirectory()
        let corpus = directory.path + "/corpus"
        try FileManager.default.copyItem(atPath: RepositoryFiles.demoCorpus, toPath: corpus)
        try FileManager.default.moveItem(atPath: corpus + "/taxonomy/fields.jsonl", toPath: corpus + "/taxonomy/field.jsonl")
        let check = try CommandRunner.run(["corpus", "check", corpus])
        #expect(check.standardOutput.contains("warning: taxonomy/field.jsonl: not a corpus file, not read (expected: taxonomy/regions.jsonl, taxonomy/fields.jsonl)"),
                "\(check.standardOutput)")
    }

    @Test func anIndexThatIsAFIFOIsRefused() throws {
        let directory = TemporaryDirectory()
        let fifo = directory.path + "/demo.index"
        #expect(mkfifo(fifo, 0o600) == 0)
        for arguments in [["recommend", "--index", fifo, "--text", "储能"], ["pair", "Corpus/demo/events/liaoning-2026", "--index", fifo, "-o", directory.path + "/out"]] {
            let outcome = try CommandRunner.run(arguments)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.standardError.contains("demo.index: cannot read the index (cannot read the file: it is a FIFO (named pipe)"), "\(outcome.standardError)")
        }
    }
}
