import DuijieBase
@testable import DuijieCorpus
@testable import DuijieJSON
import DuijieTestSupport
import Foundation
import Testing

@Suite struct AtomicFileTests {
    @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("out.jsonl", "old\n")
        try AtomicFile.write("new\n", to: path)
        #expect(directory.read("out.jsonl") == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
    }

    @Test func aFailedWriteKeepsWhatWasThere() throws {
        // Renaming a file over a non-empty directory fails; the directory and its file must survive.
        let directory = TemporaryDirectory()
        directory.write("target/keep.txt", "keep")
        #expect(throws: DuijieError.self) { try AtomicFile.write("new", to: directory.path + "/target") }
        #expect(directory.read("target/keep.txt") == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["target"])
        #expect(throws: DuijieError.self) { try AtomicFile.write("x", to: directory.path + "/missing/dir/out") }
    }
}

@Suite struct AtomicFileCleanupTests {
    @Test func aStaleTemporaryOfAKilledWriteIsRemovedByTheNextWrite() throws {
        let directory = TemporaryDirectory()
        // PID 2147483647 is above any Linux pid_max (at most 2^22), so no process has it: the
        // file stands for a write that was killed. A temporary of another target is not touched.
        directory.write(".out.jsonl.duijie-tmp-2147483647-12345", "half")
        directory.write(".other.jsonl.duijie-tmp-2147483647-12345", "other")
        try AtomicFile.write("new\n", to: directory.path + "/out.jsonl")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(entries == [".other.jsonl.duijie-tmp-2147483647-12345", "out.jsonl"])
    }

    @Test func aTemporaryOfARunningProcessIsKept() throws {
        let directory = TemporaryDirectory()
        // PID 1 always runs: its temporary may belong to a concurrent write.
        directory.write(".out.jsonl.duijie-tmp-1-7", "busy")
        try AtomicFile.write("new\n", to: directory.path + "/out.jsonl")
        #expect(directory.read(".out.jsonl.duijie-tmp-1-7") == "busy")
    }

    @Test func destinationsThatAreNotFilesAreRefusedBeforeWriting() throws {
        let directory = TemporaryDirectory()
        directory.write("sub/keep.txt", "keep")
        for path in [directory.path + "/.", directory.path + "/sub", directory.path + "/sub/", directory.path + "/..", "/dev/null"] {
            #expect(throws: DuijieError.self, "\(path)") { try AtomicFile.write("x", to: path) }
        }
        // Nothing was written anywhere, not even a temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sub"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/sub") == ["keep.txt"])
    }

    @Test func aReportDirectoryLeftByAKilledWriteIsRemoved() throws {
        let directory = TemporaryDirectory()
        directory.write(".report.duijie-tmp-2147483647-9/schedule.csv", "half")
        try ReportDirectory.replace(directory.path + "/report", with: [("a.txt", "a")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report"])
    }
}

@Suite struct OutputPathTests {
    @Test func aDirectoryOutputNeedsForceUnlessItHoldsAPreviousReport() throws {
        let directory = TemporaryDirectory()
        directory.write("corpus/achievements.jsonl", "{}\n")
        directory.write("report/schedule.csv", "old")
        let corpus = directory.path + "/corpus"
        #expect(throws: DuijieError.self) { try OutputPath.checkDirectory(corpus, force: false, ownEntries: ["schedule.csv"]) }
        try OutputPath.checkDirectory(corpus, force: true)
        try OutputPath.checkDirectory(directory.path + "/report", force: false, ownEntries: ["schedule.csv"])
        try OutputPath.checkDirectory(directory.path + "/new", force: false)
        #expect(throws: DuijieError.self) { try OutputPath.checkDirectory(directory.path + "/.", force: true) }
    }

    @Test func anInputIsNeverReplacedEvenWithForce() throws {
        let directory = TemporaryDirectory()
        directory.write("work/event/slots.jsonl", "{}\n")
        let event = directory.path + "/work/event"
        // The event itself, a directory holding it, and the same directory by another spelling.
        for output in [event, directory.path + "/work", directory.path + "/work/../work/event/"] {
            #expect(throws: DuijieError.self, "\(output)") { try OutputPath.checkDirectory(output, force: true, inputs: [event]) }
        }
        // A directory inside the event is not the event: allowed.
        try OutputPath.checkDirectory(event + "/out", force: true, inputs: [event])
        #expect(throws: DuijieError.self) { try OutputPath.checkFile(event + "/slots.jsonl", inputs: [event + "/slots.jsonl"]) }
    }
}
